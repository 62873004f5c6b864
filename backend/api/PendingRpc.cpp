#include "PendingRpc.h"

#include "RpcRegistry.h"
#include "feature/admin/v1/admin.pb.h"

#include <google/protobuf/descriptor.h>

namespace builder::api {

using security::Role;

namespace {

common::Status pending(const RpcContext& ctx)
{
    return common::Error(common::StatusCode::Unimplemented,
                         ctx.method + " is part of the API contract but this builderd does not "
                                      "serve it yet");
}

std::set<Role> rolesFor(const std::string& service, const std::string& /*method*/)
{
    if (service == "feature.admin.v1.AdminService")
        return {Role::Admin};
    return RpcRegistry::allRoles();
}

template <typename Req, typename Resp>
void add(RpcRegistry& registry, const std::string& service, const std::string& method)
{
    registry.addUnary<Req, Resp>(
        service + "/" + method, rolesFor(service, method),
        [](const RpcContext& ctx, const Req&, Resp&) { return pending(ctx); });
}

} // namespace

void PendingRpc::registerAll(RpcRegistry& registry)
{
    // ReviewService is served by ReviewRpc.
    namespace a = feature::admin::v1;
    const std::string admin = "feature.admin.v1.AdminService";
    add<a::GetKillSwitchRequest, a::GetKillSwitchResponse>(registry, admin, "GetKillSwitch");
    add<a::SetKillSwitchRequest, a::SetKillSwitchResponse>(registry, admin, "SetKillSwitch");
    add<a::ListAuditRequest, a::ListAuditResponse>(registry, admin, "ListAudit");
}

} // namespace builder::api
