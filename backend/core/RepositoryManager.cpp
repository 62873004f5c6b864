#include "RepositoryManager.h"

#include "AuditActions.h"
#include "AuditLog.h"
#include "GitCredentials.h"
#include "common/GitUrl.h"
#include "common/RepositoryValidation.h"
#include "common/Uuid.h"
#include "git/RemoteProbe.h"
#include "store/Database.h"
#include "store/ExecutionStore.h"
#include "store/RepositoryStore.h"
#include "store/Timestamps.h"

#include <google/protobuf/util/message_differencer.h>

namespace builder::core {

namespace rv1 = feature::repository::v1;
using common::Error;
using common::Result;
using common::StatusCode;
using store::Connection;
using store::RepositoryRecord;
using store::RepositoryStore;
using store::Timestamps;

namespace {

Error notFound(const std::string& id)
{
    return Error::notFound("repository " + id + " not found");
}

bool sameProperties(const feature::common::v1::Properties& a,
                    const feature::common::v1::Properties& b)
{
    return google::protobuf::util::MessageDifferencer::Equals(a, b);
}

} // namespace

RepositoryManager::RepositoryManager(std::shared_ptr<store::Database> db,
                                     security::CredentialCipher cipher, CoreConfig config)
    : m_db(std::move(db)), m_cipher(std::move(cipher)), m_config(config)
{}

void RepositoryManager::seal(RepositoryRecord& record, const rv1::Credential& credential) const
{
    if (credential.type() == rv1::CREDENTIAL_TYPE_UNSPECIFIED) {
        record.credentialNonce.clear();
        record.credentialCipher.clear();
        record.repository.set_credential_type(rv1::CREDENTIAL_TYPE_UNSPECIFIED);
        record.repository.set_has_credentials(false);
        return;
    }
    std::string plain = credential.SerializeAsString();
    auto sealed = m_cipher.seal(plain, record.repository.id());
    std::fill(plain.begin(), plain.end(), '\0');
    record.credentialNonce = sealed.nonce;
    record.credentialCipher = sealed.ciphertext;
    record.repository.set_credential_type(credential.type());
    record.repository.set_has_credentials(true);
}

Result<rv1::Credential> RepositoryManager::open(const RepositoryRecord& record) const
{
    rv1::Credential credential;
    if (record.credentialCipher.empty())
        return credential;
    auto plain =
        m_cipher.open({record.credentialNonce, record.credentialCipher}, record.repository.id());
    if (!plain.ok())
        return plain.error();
    if (!credential.ParseFromString(plain.value()))
        return Error(StatusCode::DataLoss, "stored credential is corrupt");
    return credential;
}

namespace {
AuditActor actorOf(const security::Principal* caller)
{
    return caller ? AuditActor(*caller) : AuditActor::system();
}
} // namespace

Result<rv1::Repository> RepositoryManager::registerRepository(const rv1::RegisterRequest& request,
                                                              const security::Principal* caller)
{
    if (auto violations = common::RepositoryValidation::validate(request); !violations.empty())
        return Error::invalid(std::move(violations));
    const auto url = common::GitUrl::parse(request.url());

    // The remote is asked outside any transaction: it may be slow.
    std::string defaultBranch = request.default_branch();
    if (defaultBranch.empty()) {
        auto info =
            git::RemoteProbe::probe(request.url(), GitCredentials::fromProto(request.credential()),
                                    git::ProbeOptions{false});
        if (info.ok() && !info->defaultBranch.empty())
            defaultBranch = info->defaultBranch;
        else
            defaultBranch = kFallbackBranch;
    }

    return m_db->write([&](Connection& c) -> Result<rv1::Repository> {
        if (auto existing = RepositoryStore::findLiveByName(c, request.name())) {
            const auto& repo = existing->repository;
            // The secret itself is deliberately left out of the comparison: if
            // it decided the answer, Register would tell a caller whether a
            // guessed token is the stored one. A repeat with another secret
            // returns the repository unchanged; UpdateCredentials changes it.
            const bool identical = repo.url() == request.url() &&
                                   (request.default_branch().empty() ||
                                    repo.default_branch() == request.default_branch()) &&
                                   sameProperties(repo.properties(), request.properties()) &&
                                   repo.credential_type() == request.credential().type();
            if (identical)
                return repo;
            return Error(
                StatusCode::AlreadyExists,
                "a repository named \"" + request.name() + "\" is already registered",
                {{"name", "repository.unique_name", "a repository with this name already exists"}});
        }
        const auto now = Timestamps::nowMillis();
        RepositoryRecord record;
        auto& repo = record.repository;
        repo.set_id(common::Uuid::generateV4());
        repo.set_name(request.name());
        repo.set_url(request.url());
        repo.set_default_branch(defaultBranch);
        repo.set_provider(url ? url->detectProvider() : rv1::GIT_PROVIDER_GENERIC);
        if (!request.properties().values().empty())
            *repo.mutable_properties() = request.properties();
        repo.set_state(feature::common::v1::STATE_ACTIVE);
        Timestamps::fromMillis(now, repo.mutable_created_at());
        Timestamps::fromMillis(now, repo.mutable_updated_at());
        seal(record, request.credential());
        RepositoryStore::insert(c, record);
        AuditLog::append(c, actorOf(caller), AuditActions::kRepositoryRegister,
                         {AuditTargets::kRepository, repo.id()},
                         {{"name", repo.name()},
                          {"url", repo.url()},
                          {"credential_type", rv1::CredentialType_Name(repo.credential_type())}});
        return repo;
    });
}

Result<rv1::Repository> RepositoryManager::get(const std::string& id)
{
    rv1::GetRequest request;
    request.set_id(id);
    if (auto violations = common::RepositoryValidation::validate(request); !violations.empty())
        return Error::invalid(std::move(violations));
    return m_db->read([&](Connection& c) -> Result<rv1::Repository> {
        auto record = RepositoryStore::findById(c, id);
        if (!record)
            return notFound(id);
        return record->repository;
    });
}

Result<rv1::Repository> RepositoryManager::getByName(const std::string& name)
{
    rv1::GetByNameRequest request;
    request.set_name(name);
    if (auto violations = common::RepositoryValidation::validate(request); !violations.empty())
        return Error::invalid(std::move(violations));
    return m_db->read([&](Connection& c) -> Result<rv1::Repository> {
        auto record = RepositoryStore::findLiveByName(c, name);
        if (!record)
            return Error::notFound("no repository named \"" + name + "\"");
        return record->repository;
    });
}

Result<store::Page<rv1::Repository>> RepositoryManager::list(const rv1::ListRequest& request)
{
    if (auto violations = common::RepositoryValidation::validate(request); !violations.empty())
        return Error::invalid(std::move(violations));
    store::RepositoryQuery query;
    query.text = request.query();
    for (int state : request.states())
        query.states.push_back(state);
    query.pageSize = request.pagination().page_size() > 0 ? request.pagination().page_size()
                                                          : m_config.defaultPageSize;
    query.pageToken = request.pagination().page_token();
    auto page = m_db->read([&](Connection& c) { return RepositoryStore::list(c, query); });
    if (!page.ok())
        return page.error();
    store::Page<rv1::Repository> out;
    out.totalCount = page->totalCount;
    out.nextPageToken = page->nextPageToken;
    for (auto& record : page->items)
        out.items.push_back(std::move(record.repository));
    return out;
}

Result<rv1::Repository> RepositoryManager::update(const rv1::UpdateRequest& request,
                                                  const security::Principal* caller)
{
    if (auto violations = common::RepositoryValidation::validate(request); !violations.empty())
        return Error::invalid(std::move(violations));
    return m_db->write([&](Connection& c) -> Result<rv1::Repository> {
        auto record = RepositoryStore::findById(c, request.id());
        if (!record)
            return notFound(request.id());
        auto& repo = record->repository;
        if (repo.state() == feature::common::v1::STATE_DELETED)
            return Error::failedPrecondition("repository " + repo.id() + " is deleted");
        if (request.has_name() && request.name() != repo.name()) {
            if (RepositoryStore::findLiveByName(c, request.name()))
                return Error(StatusCode::AlreadyExists,
                             "a repository named \"" + request.name() + "\" is already registered",
                             {{"name", "repository.unique_name",
                               "a repository with this name already exists"}});
            repo.set_name(request.name());
        }
        if (request.has_default_branch())
            repo.set_default_branch(request.default_branch());
        if (request.has_properties()) {
            if (request.properties().values().empty())
                repo.clear_properties();
            else
                *repo.mutable_properties() = request.properties();
        }
        Timestamps::fromMillis(Timestamps::nowMillis(), repo.mutable_updated_at());
        RepositoryStore::update(c, *record);
        AuditDetails changed{{"name", repo.name()}};
        if (request.has_default_branch())
            changed["default_branch"] = repo.default_branch();
        if (request.has_properties())
            changed["properties"] = std::to_string(repo.properties().values_size()) + " set";
        AuditLog::append(c, actorOf(caller), AuditActions::kRepositoryUpdate,
                         {AuditTargets::kRepository, repo.id()}, changed);
        return repo;
    });
}

Result<rv1::Repository>
RepositoryManager::updateCredentials(const rv1::UpdateCredentialsRequest& request,
                                     const security::Principal* caller)
{
    auto current = get(request.id());
    if (auto violations = common::RepositoryValidation::validate(
            request, current.ok() ? std::string_view(current->url()) : std::string_view());
        !violations.empty())
        return Error::invalid(std::move(violations));
    if (!current.ok())
        return current.error();
    return m_db->write([&](Connection& c) -> Result<rv1::Repository> {
        auto record = RepositoryStore::findById(c, request.id());
        if (!record)
            return notFound(request.id());
        if (record->repository.state() == feature::common::v1::STATE_DELETED)
            return Error::failedPrecondition("repository " + request.id() + " is deleted");
        seal(*record, request.credential());
        Timestamps::fromMillis(Timestamps::nowMillis(), record->repository.mutable_updated_at());
        RepositoryStore::update(c, *record);
        // The type only: the secret never reaches the log.
        AuditLog::append(
            c, actorOf(caller), AuditActions::kRepositoryCredentials,
            {AuditTargets::kRepository, request.id()},
            {{"credential_type", rv1::CredentialType_Name(record->repository.credential_type())}});
        return record->repository;
    });
}

Result<rv1::Credential> RepositoryManager::credentialOf(const std::string& id)
{
    return m_db->read([&](Connection& c) -> Result<rv1::Credential> {
        auto record = RepositoryStore::findById(c, id);
        if (!record)
            return notFound(id);
        return open(*record);
    });
}

Result<rv1::ValidateAccessResponse> RepositoryManager::validateAccess(const std::string& id)
{
    auto repo = get(id);
    if (!repo.ok())
        return repo.error();
    auto credential = credentialOf(id);
    if (!credential.ok())
        return credential.error();
    rv1::ValidateAccessResponse response;
    auto info = git::RemoteProbe::probe(repo->url(), GitCredentials::fromProto(credential.value()),
                                        git::ProbeOptions{true});
    if (!info.ok()) {
        response.set_valid(false);
        response.set_error(info.error().message());
        return response;
    }
    response.set_valid(info->canRead);
    if (info->canRead)
        response.add_permissions(rv1::PERMISSION_READ);
    if (info->canWrite)
        response.add_permissions(rv1::PERMISSION_WRITE);
    auto touched = m_db->write([&](Connection& c) -> Result<bool> {
        RepositoryStore::touchAccessed(c, id, Timestamps::nowMillis());
        return true;
    });
    if (!touched.ok())
        return touched.error();
    return response;
}

Result<bool> RepositoryManager::remove(const std::string& id, const security::Principal* caller)
{
    rv1::DeleteRequest request;
    request.set_id(id);
    if (auto violations = common::RepositoryValidation::validate(request); !violations.empty())
        return Error::invalid(std::move(violations));
    return m_db->write([&](Connection& c) -> Result<bool> {
        auto record = RepositoryStore::findById(c, id);
        if (!record)
            return notFound(id);
        if (record->repository.state() == feature::common::v1::STATE_DELETED)
            return true;
        const int running = store::ExecutionStore::countInProgress(c, id);
        if (running > 0)
            return Error::failedPrecondition("repository " + id + " has " +
                                             std::to_string(running) +
                                             " execution(s) in progress; cancel them first");
        record->repository.set_state(feature::common::v1::STATE_DELETED);
        // A deleted repository keeps no secret.
        seal(*record, rv1::Credential{});
        Timestamps::fromMillis(Timestamps::nowMillis(), record->repository.mutable_updated_at());
        RepositoryStore::update(c, *record);
        AuditLog::append(c, actorOf(caller), AuditActions::kRepositoryDelete,
                         {AuditTargets::kRepository, id}, {{"name", record->repository.name()}});
        return true;
    });
}

} // namespace builder::core
