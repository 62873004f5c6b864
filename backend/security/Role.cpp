#include "Role.h"

namespace builder::security {

const char* toString(Role role)
{
    switch (role) {
    case Role::Engineer:
        return "engineer";
    case Role::Reviewer:
        return "reviewer";
    case Role::Admin:
        return "admin";
    }
    return "engineer";
}

std::optional<Role> parseRole(std::string_view text)
{
    // Case-sensitive on purpose: one spelling on the wire, so a token or config
    // value cannot smuggle a role past a different comparison elsewhere.
    for (Role role : {Role::Engineer, Role::Reviewer, Role::Admin}) {
        if (text == toString(role))
            return role;
    }
    return std::nullopt;
}

} // namespace builder::security
