#pragma once

#include "Reply.h"
#include "feature/repository/v1/repository.pb.h"

#include <QObject>

namespace builder::client {

class BackendInternals;

// RepositoryService, asynchronously: each reply runs on the GUI thread while `guard` lives.
class RepositoryApi
{
public:
    explicit RepositoryApi(BackendInternals& internals) : m_internals(internals) {}

    using Repository = feature::repository::v1::Repository;
    void list(const feature::repository::v1::ListRequest& request, QObject* guard,
              Reply<Page<Repository>> done);
    void registerRepository(const feature::repository::v1::RegisterRequest& request, QObject* guard,
                            Reply<Repository> done);
    void update(const feature::repository::v1::UpdateRequest& request, QObject* guard,
                Reply<Repository> done);
    void updateCredentials(const feature::repository::v1::UpdateCredentialsRequest& request,
                           QObject* guard, Reply<Repository> done);
    void validateAccess(const std::string& id, QObject* guard,
                        Reply<feature::repository::v1::ValidateAccessResponse> done);
    void remove(const std::string& id, QObject* guard, Reply<bool> done);

private:
    BackendInternals& m_internals;
};

} // namespace builder::client
