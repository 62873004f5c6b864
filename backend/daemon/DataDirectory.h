#pragma once

#include "common/Result.h"
#include "security/CredentialCipher.h"
#include "security/Role.h"

#include <chrono>
#include <memory>
#include <string>

namespace builder::store {
class Database;
}
namespace builder::security {
class TokenService;
}

namespace builder::daemon {

// builderd's data directory: the SQLite database, the signing key, the
// credential key and the local admin token, all private to the user (0700/0600).
class DataDirectory
{
public:
    static constexpr const char* kDatabaseFile = "builder.db";
    static constexpr const char* kSigningKeyFile = "jwt.key";
    static constexpr const char* kCredentialKeyFile = "credential.key";

    explicit DataDirectory(std::string path) : m_path(std::move(path)) {}

    common::Status ensureExists() const;
    const std::string& path() const { return m_path; }
    std::string file(const char* name) const { return m_path + "/" + name; }

    common::Result<std::shared_ptr<store::Database>> openDatabase() const;
    common::Result<std::unique_ptr<security::TokenService>> tokenService() const;
    common::Result<security::CredentialCipher> credentialCipher() const;

    // Writes the local admin token file unless it exists; returns its path.
    common::Result<std::string> ensureAdminToken(store::Database& db,
                                                 const security::TokenService& tokens) const;

private:
    std::string m_path;
};

} // namespace builder::daemon
