#include "DataDirectory.h"

#include "common/LocalEndpoint.h"
#include "core/TokenManager.h"
#include "security/SecretFile.h"
#include "security/TokenService.h"
#include "store/Database.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>

namespace builder::daemon {

using common::Error;
using common::StatusCode;

common::Status DataDirectory::ensureExists() const
{
    std::error_code ec;
    std::filesystem::create_directories(m_path, ec);
    if (ec)
        return Error(StatusCode::FailedPrecondition,
                     "cannot create data directory " + m_path + ": " + ec.message());
    // Keys and tokens live here: nobody else may look in.
    if (::chmod(m_path.c_str(), 0700) != 0)
        return Error(StatusCode::FailedPrecondition,
                     "cannot restrict data directory " + m_path + ": " + std::strerror(errno));
    return {};
}

common::Result<std::shared_ptr<store::Database>> DataDirectory::openDatabase() const
{
    store::Database::Options options;
    options.path = file(kDatabaseFile);
    return store::Database::open(options);
}

common::Result<std::unique_ptr<security::TokenService>> DataDirectory::tokenService() const
{
    auto key = security::SecretFile::loadOrCreate(file(kSigningKeyFile), 32);
    if (!key.ok())
        return key.error();
    return std::make_unique<security::TokenService>(key.value());
}

common::Result<security::CredentialCipher> DataDirectory::credentialCipher() const
{
    return security::CredentialCipher::fromEnvironmentOrFile(file(kCredentialKeyFile));
}

common::Result<std::string>
DataDirectory::ensureAdminToken(store::Database& db, const security::TokenService& tokens) const
{
    const std::string path = common::LocalEndpoint::adminTokenPath(m_path);
    if (std::filesystem::exists(path)) {
        // A token from an earlier start is kept while it still verifies; one
        // made with an older signing key, expired or revoked is replaced.
        std::ifstream in(path);
        std::string existing;
        std::getline(in, existing);
        if (tokens.verify(existing).ok())
            return path;
    }
    auto token = core::TokenManager::issue(db, tokens, "local-admin", security::Role::Admin,
                                           std::chrono::hours(24 * 365), "builderd",
                                           "local admin token written on first start");
    if (!token.ok())
        return token.error();
    auto written = security::SecretFile::writePrivate(path, token.value() + "\n");
    if (!written.ok())
        return written.error();
    return path;
}

} // namespace builder::daemon
