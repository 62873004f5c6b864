#include "RepositoryApi.h"

#include "CallSupport.h"
#include "feature/repository/v1/repository.grpc.pb.h"

namespace builder::client {

namespace rv1 = feature::repository::v1;

namespace {

std::shared_ptr<rv1::RepositoryService::Stub> serviceFor(BackendInternals& internals)
{
    return rv1::RepositoryService::NewStub(internals.channel());
}

} // namespace

void RepositoryApi::list(const rv1::ListRequest& request, QObject* guard,
                         Reply<Page<Repository>> done)
{
    auto s = serviceFor(m_internals);
    CallSupport::page<Repository, rv1::ListResponse>(
        m_internals, guard,
        [s, request](grpc::ClientContext& context) { return s->List(&context, request); },
        [](const rv1::ListResponse& response) { return response.repository(); }, std::move(done));
}

void RepositoryApi::registerRepository(const rv1::RegisterRequest& request, QObject* guard,
                                       Reply<Repository> done)
{
    auto s = serviceFor(m_internals);
    CallSupport::unary<Repository>(
        m_internals, guard,
        [s, request](grpc::ClientContext& context, Repository& out) {
            rv1::RegisterResponse response;
            auto status = s->Register(&context, request, &response);
            out = response.repository();
            return status;
        },
        std::move(done));
}

void RepositoryApi::update(const rv1::UpdateRequest& request, QObject* guard,
                           Reply<Repository> done)
{
    auto s = serviceFor(m_internals);
    CallSupport::unary<Repository>(
        m_internals, guard,
        [s, request](grpc::ClientContext& context, Repository& out) {
            rv1::UpdateResponse response;
            auto status = s->Update(&context, request, &response);
            out = response.repository();
            return status;
        },
        std::move(done));
}

void RepositoryApi::updateCredentials(const rv1::UpdateCredentialsRequest& request, QObject* guard,
                                      Reply<Repository> done)
{
    auto s = serviceFor(m_internals);
    CallSupport::unary<Repository>(
        m_internals, guard,
        [s, request](grpc::ClientContext& context, Repository& out) {
            rv1::UpdateCredentialsResponse response;
            auto status = s->UpdateCredentials(&context, request, &response);
            out = response.repository();
            return status;
        },
        std::move(done));
}

void RepositoryApi::validateAccess(const std::string& id, QObject* guard,
                                   Reply<rv1::ValidateAccessResponse> done)
{
    auto s = serviceFor(m_internals);
    rv1::ValidateAccessRequest request;
    request.set_id(id);
    CallSupport::unary<rv1::ValidateAccessResponse>(
        m_internals, guard,
        [s, request](grpc::ClientContext& context, rv1::ValidateAccessResponse& out) {
            return s->ValidateAccess(&context, request, &out);
        },
        std::move(done));
}

void RepositoryApi::remove(const std::string& id, QObject* guard, Reply<bool> done)
{
    auto s = serviceFor(m_internals);
    rv1::DeleteRequest request;
    request.set_id(id);
    CallSupport::unary<bool>(
        m_internals, guard,
        [s, request](grpc::ClientContext& context, bool& out) {
            rv1::DeleteResponse response;
            auto status = s->Delete(&context, request, &response);
            out = response.deleted();
            return status;
        },
        std::move(done));
}

} // namespace builder::client
