#include "AdminRpc.h"

#include "ResultInto.h"
#include "RpcRegistry.h"
#include "core/DeadLetterManager.h"
#include "core/TokenManager.h"

namespace builder::api {

namespace av1 = feature::admin::v1;
using security::Role;

namespace {
const std::set<Role> kAdmins = {Role::Admin};

std::string name(const char* method)
{
    return std::string("feature.admin.v1.AdminService/") + method;
}
} // namespace

void AdminRpc::registerAll(RpcRegistry& registry, core::TokenManager& tokens,
                           core::DeadLetterManager& deadLetters)
{
    auto* t = &tokens;
    auto* d = &deadLetters;
    registry.addUnary<av1::ListDeadLettersRequest, av1::ListDeadLettersResponse>(
        name("ListDeadLetters"), kAdmins, [d](const RpcContext&, const auto& req, auto& resp) {
            return resultInto(d->list(req), &resp);
        });
    registry.addUnary<av1::RequeueDeadLetterRequest, av1::RequeueDeadLetterResponse>(
        name("RequeueDeadLetter"), kAdmins,
        [d](const RpcContext& ctx, const auto& req, auto& resp) {
            return resultInto(d->requeue(ctx.principal, req), &resp);
        });
    registry.addUnary<av1::CreateTokenRequest, av1::CreateTokenResponse>(
        name("CreateToken"), kAdmins, [t](const RpcContext& ctx, const auto& req, auto& resp) {
            return resultInto(t->create(ctx.principal, req), &resp);
        });
    registry.addUnary<av1::ListTokensRequest, av1::ListTokensResponse>(
        name("ListTokens"), kAdmins, [t](const RpcContext&, const auto& req, auto& resp) {
            return resultInto(t->list(req), &resp);
        });
    registry.addUnary<av1::RevokeTokenRequest, av1::RevokeTokenResponse>(
        name("RevokeToken"), kAdmins, [t](const RpcContext&, const auto& req, auto& resp) {
            return resultInto(t->revoke(req), &resp);
        });
}

} // namespace builder::api
