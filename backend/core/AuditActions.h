#pragma once

namespace builder::core {

// The action names of audit entries (ListAudit filters on them). Stable: they
// are part of what admins search for and what old entries were hashed with.
struct AuditActions
{
    static constexpr const char* kKillSwitchSet = "killswitch.set";
    static constexpr const char* kKillSwitchRelease = "killswitch.release";
    static constexpr const char* kTokenCreate = "token.create";
    static constexpr const char* kTokenRevoke = "token.revoke";
    static constexpr const char* kRepositoryRegister = "repository.register";
    static constexpr const char* kRepositoryUpdate = "repository.update";
    static constexpr const char* kRepositoryCredentials = "repository.credentials";
    static constexpr const char* kRepositoryDelete = "repository.delete";
    static constexpr const char* kApprove = "review.approve";
    static constexpr const char* kRequestChanges = "review.request_changes";
    static constexpr const char* kReject = "review.reject";
    static constexpr const char* kDeadLetterRequeue = "dead_letter.requeue";
    static constexpr const char* kWebhookBuild = "webhook.github_build";
};

// Target types used with those actions.
struct AuditTargets
{
    static constexpr const char* kKillSwitch = "kill_switch";
    static constexpr const char* kToken = "token";
    static constexpr const char* kRepository = "repository";
    static constexpr const char* kExecution = "feature_execution";
    static constexpr const char* kDeadLetter = "dead_letter";
};

} // namespace builder::core
