#pragma once

namespace builder::core {
class AuditLog;
class DeadLetterManager;
class KillSwitch;
class TokenManager;
} // namespace builder::core
namespace builder::webhook {
class WebhookService;
}

namespace builder::api {

class RpcRegistry;

// feature.admin.v1.AdminService: API tokens, the dead-letter queue, the kill
// switch, the audit log and (Builder's addition) the webhook delivery log.
class AdminRpc
{
public:
    struct Services
    {
        core::TokenManager& tokens;
        core::DeadLetterManager& deadLetters;
        core::KillSwitch& killSwitch;
        const core::AuditLog& audit;
        const webhook::WebhookService& webhooks;
    };

    static void registerAll(RpcRegistry& registry, const Services& services);
};

} // namespace builder::api
