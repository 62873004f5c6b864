#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace builder::security {

// The roles a bearer token can carry; every RPC names the roles it admits.
enum class Role
{
    Engineer,
    Reviewer,
    Admin,
};

// The wire spelling of a role: "engineer", "reviewer" or "admin".
const char* toString(Role role);

// Parses the exact lower-case wire spelling; anything else is not a role.
std::optional<Role> parseRole(std::string_view text);

// Who is calling, as established by a verified token.
struct Principal
{
    std::string user;
    Role role = Role::Engineer;
    std::string tokenId;

    bool operator==(const Principal&) const = default;
};

} // namespace builder::security
