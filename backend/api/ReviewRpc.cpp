#include "ReviewRpc.h"

#include "ResultInto.h"
#include "RpcRegistry.h"
#include "core/ReviewManager.h"

namespace builder::api {

namespace rv1 = feature::review::v1;
using security::Role;

namespace {
const std::set<Role> kDeciders = {Role::Reviewer, Role::Admin};

std::string name(const char* method)
{
    return std::string("feature.review.v1.ReviewService/") + method;
}
} // namespace

void ReviewRpc::registerAll(RpcRegistry& registry, core::ReviewManager& reviews)
{
    auto* r = &reviews;
    registry.addUnary<rv1::GetDiffRequest, rv1::GetDiffResponse>(
        name("GetDiff"), RpcRegistry::allRoles(),
        [r](const RpcContext&, const auto& req, auto& resp) {
            return resultInto(r->getDiff(req), &resp);
        });
    registry.addUnary<rv1::ApproveRequest, rv1::ApproveResponse>(
        name("Approve"), kDeciders, [r](const RpcContext& ctx, const auto& req, auto& resp) {
            return resultInto(r->approve(ctx.principal, req), resp.mutable_execution());
        });
    registry.addUnary<rv1::RequestChangesRequest, rv1::RequestChangesResponse>(
        name("RequestChanges"), kDeciders, [r](const RpcContext& ctx, const auto& req, auto& resp) {
            return resultInto(r->requestChanges(ctx.principal, req), resp.mutable_execution());
        });
    registry.addUnary<rv1::RejectRequest, rv1::RejectResponse>(
        name("Reject"), kDeciders, [r](const RpcContext& ctx, const auto& req, auto& resp) {
            return resultInto(r->reject(ctx.principal, req), resp.mutable_execution());
        });
    registry.addUnary<rv1::ReviewPatchRequest, rv1::ReviewPatchResponse>(
        name("ReviewPatch"), RpcRegistry::allRoles(),
        [r](const RpcContext&, const auto& req, auto& resp) {
            return resultInto(r->reviewPatch(req), &resp);
        });
}

} // namespace builder::api
