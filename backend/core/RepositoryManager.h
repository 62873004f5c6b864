#pragma once

#include "CoreConfig.h"
#include "common/Result.h"
#include "feature/repository/v1/repository.pb.h"
#include "security/CredentialCipher.h"
#include "security/Role.h"
#include "store/Page.h"

#include <memory>

namespace builder::store {
class Database;
struct RepositoryRecord;
} // namespace builder::store

namespace builder::core {

// Decides everything about registered repositories: registration (validated,
// provider and default branch detected, credentials sealed to the row),
// updates, access checks against the real remote, deletion.
class RepositoryManager
{
public:
    static constexpr const char* kFallbackBranch = "main";

    RepositoryManager(std::shared_ptr<store::Database> db, security::CredentialCipher cipher,
                      CoreConfig config);

    // The mutating calls are audited as `caller` (builderd itself when null).
    common::Result<feature::repository::v1::Repository>
    registerRepository(const feature::repository::v1::RegisterRequest& request,
                       const security::Principal* caller = nullptr);
    common::Result<feature::repository::v1::Repository> get(const std::string& id);
    common::Result<feature::repository::v1::Repository> getByName(const std::string& name);
    common::Result<store::Page<feature::repository::v1::Repository>>
    list(const feature::repository::v1::ListRequest& request);
    common::Result<feature::repository::v1::Repository>
    update(const feature::repository::v1::UpdateRequest& request,
           const security::Principal* caller = nullptr);
    common::Result<feature::repository::v1::Repository>
    updateCredentials(const feature::repository::v1::UpdateCredentialsRequest& request,
                      const security::Principal* caller = nullptr);
    common::Result<feature::repository::v1::ValidateAccessResponse>
    validateAccess(const std::string& id);
    common::Result<bool> remove(const std::string& id, const security::Principal* caller = nullptr);

    // The decrypted credential of a repository, for the backend's own git use.
    common::Result<feature::repository::v1::Credential> credentialOf(const std::string& id);

private:
    void seal(store::RepositoryRecord& record,
              const feature::repository::v1::Credential& credential) const;
    common::Result<feature::repository::v1::Credential>
    open(const store::RepositoryRecord& record) const;

    std::shared_ptr<store::Database> m_db;
    security::CredentialCipher m_cipher;
    CoreConfig m_config;
};

} // namespace builder::core
