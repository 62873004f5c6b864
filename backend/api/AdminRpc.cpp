#include "AdminRpc.h"

#include "ResultInto.h"
#include "RpcRegistry.h"
#include "core/AuditLog.h"
#include "core/DeadLetterManager.h"
#include "core/KillSwitch.h"
#include "core/TokenManager.h"
#include "webhook/WebhookService.h"

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

void AdminRpc::registerAll(RpcRegistry& registry, const Services& services)
{
    auto* t = &services.tokens;
    auto* d = &services.deadLetters;
    auto* k = &services.killSwitch;
    const auto* a = &services.audit;
    const auto* w = &services.webhooks;
    registry.addUnary<av1::GetKillSwitchRequest, av1::GetKillSwitchResponse>(
        name("GetKillSwitch"), kAdmins,
        [k](const RpcContext&, const auto&, auto& resp) { return resultInto(k->get(), &resp); });
    registry.addUnary<av1::SetKillSwitchRequest, av1::SetKillSwitchResponse>(
        name("SetKillSwitch"), kAdmins, [k](const RpcContext& ctx, const auto& req, auto& resp) {
            return resultInto(k->set(ctx.principal, req), &resp);
        });
    registry.addUnary<av1::ListAuditRequest, av1::ListAuditResponse>(
        name("ListAudit"), kAdmins, [a](const RpcContext&, const auto& req, auto& resp) {
            return resultInto(a->list(req), &resp);
        });
    registry.addUnary<av1::ListWebhookDeliveriesRequest, av1::ListWebhookDeliveriesResponse>(
        name("ListWebhookDeliveries"), kAdmins,
        [w](const RpcContext&, const auto& req, auto& resp) {
            return resultInto(w->list(req), &resp);
        });
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
        name("RevokeToken"), kAdmins, [t](const RpcContext& ctx, const auto& req, auto& resp) {
            return resultInto(t->revoke(ctx.principal, req), &resp);
        });
}

} // namespace builder::api
