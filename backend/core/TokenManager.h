#pragma once

#include "common/Result.h"
#include "feature/admin/v1/admin.pb.h"
#include "security/Role.h"

#include <memory>
#include <mutex>
#include <set>
#include <string>

namespace builder::store {
class Database;
}
namespace builder::security {
class TokenService;
}

namespace builder::core {

// API tokens: issue (the token is shown once, only its record is kept), list,
// revoke. Keeps the revoked ids in memory so verifying a token costs no query.
class TokenManager
{
public:
    TokenManager(std::shared_ptr<store::Database> db, security::TokenService& tokens);

    // Loads the revoked ids and installs the revocation check on the TokenService.
    common::Status load();

    common::Result<feature::admin::v1::CreateTokenResponse>
    create(const security::Principal& caller,
           const feature::admin::v1::CreateTokenRequest& request);
    common::Result<feature::admin::v1::ListTokensResponse>
    list(const feature::admin::v1::ListTokensRequest& request);
    common::Result<feature::admin::v1::RevokeTokenResponse>
    revoke(const security::Principal& caller,
           const feature::admin::v1::RevokeTokenRequest& request);

    bool isRevoked(const std::string& tokenId) const;

    // Issues and records a token outside any RPC (builderd token create, the
    // local admin token); audited as createdBy (with actorRole when known).
    static common::Result<std::string>
    issue(store::Database& db, const security::TokenService& tokens, const std::string& user,
          security::Role role, std::chrono::seconds ttl, const std::string& createdBy,
          const std::string& description, std::string* tokenId = nullptr,
          const std::string& actorRole = {});

private:
    std::shared_ptr<store::Database> m_db;
    security::TokenService& m_tokens;
    mutable std::mutex m_mutex;
    std::set<std::string> m_revoked;
};

} // namespace builder::core
