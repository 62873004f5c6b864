#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace builder::store {

class Connection;

// An issued API token's record. The token itself is never stored.
struct TokenRecord
{
    std::string id;
    std::string user;
    std::string role;
    std::string description;
    std::string createdBy;
    std::int64_t createdAtMillis = 0;
    std::int64_t expiresAtMillis = 0;
    std::int64_t revokedAtMillis = 0;
};

class TokenStore
{
public:
    static void insert(Connection& c, const TokenRecord& token);
    static std::optional<TokenRecord> findById(Connection& c, const std::string& id);
    static std::vector<TokenRecord> list(Connection& c, bool includeRevoked);
    static bool revoke(Connection& c, const std::string& id, std::int64_t atMillis);
    static std::vector<std::string> revokedIds(Connection& c);
};

} // namespace builder::store
