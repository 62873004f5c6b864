#pragma once

#include "security/Role.h"

#include <string>

namespace builder::core {

// Who an audit entry names: a caller (user and role from a verified token) or
// builderd itself (an automatic kill-switch trip, an incoming webhook).
struct AuditActor
{
    static constexpr const char* kSystemUser = "builderd";

    std::string user;
    std::string role; // "engineer", "reviewer", "admin"; empty for builderd

    AuditActor(const security::Principal& principal)
        : user(principal.user), role(security::toString(principal.role))
    {}
    AuditActor(std::string actorUser, std::string actorRole)
        : user(std::move(actorUser)), role(std::move(actorRole))
    {}
    static AuditActor system() { return AuditActor(kSystemUser, ""); }
};

// What an audit entry is about: e.g. {"feature_execution", "<uuid>"}.
struct AuditTarget
{
    std::string type;
    std::string id;
};

} // namespace builder::core
