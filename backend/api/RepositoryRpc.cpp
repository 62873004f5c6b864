#include "RepositoryRpc.h"

#include "ResultInto.h"
#include "RpcRegistry.h"
#include "core/RepositoryManager.h"

namespace builder::api {

namespace rv1 = feature::repository::v1;
using common::Status;
using security::Role;

namespace {
const std::set<Role> kWriters = {Role::Engineer, Role::Admin};

std::string name(const char* method)
{
    return std::string("feature.repository.v1.RepositoryService/") + method;
}
} // namespace

void RepositoryRpc::registerAll(RpcRegistry& registry, core::RepositoryManager& repositories)
{
    auto* r = &repositories;
    registry.addUnary<rv1::RegisterRequest, rv1::RegisterResponse>(
        name("Register"), kWriters, [r](const RpcContext& ctx, const auto& req, auto& resp) {
            return resultInto(r->registerRepository(req, &ctx.principal),
                              resp.mutable_repository());
        });
    registry.addUnary<rv1::GetRequest, rv1::GetResponse>(
        name("Get"), RpcRegistry::allRoles(), [r](const RpcContext&, const auto& req, auto& resp) {
            return resultInto(r->get(req.id()), resp.mutable_repository());
        });
    registry.addUnary<rv1::GetByNameRequest, rv1::GetByNameResponse>(
        name("GetByName"), RpcRegistry::allRoles(),
        [r](const RpcContext&, const auto& req, auto& resp) {
            return resultInto(r->getByName(req.name()), resp.mutable_repository());
        });
    registry.addUnary<rv1::UpdateRequest, rv1::UpdateResponse>(
        name("Update"), kWriters, [r](const RpcContext& ctx, const auto& req, auto& resp) {
            return resultInto(r->update(req, &ctx.principal), resp.mutable_repository());
        });
    registry.addUnary<rv1::UpdateCredentialsRequest, rv1::UpdateCredentialsResponse>(
        name("UpdateCredentials"), kWriters,
        [r](const RpcContext& ctx, const auto& req, auto& resp) {
            return resultInto(r->updateCredentials(req, &ctx.principal), resp.mutable_repository());
        });
    registry.addUnary<rv1::ValidateAccessRequest, rv1::ValidateAccessResponse>(
        name("ValidateAccess"), RpcRegistry::allRoles(),
        [r](const RpcContext&, const auto& req, auto& resp) {
            return resultInto(r->validateAccess(req.id()), &resp);
        });
    registry.addUnary<rv1::DeleteRequest, rv1::DeleteResponse>(
        name("Delete"), kWriters,
        [r](const RpcContext& ctx, const auto& req, auto& resp) -> Status {
            auto deleted = r->remove(req.id(), &ctx.principal);
            if (!deleted.ok())
                return deleted.error();
            resp.set_deleted(deleted.value());
            return {};
        });
    registry.addStream<rv1::ListRequest>(
        name("List"), RpcRegistry::allRoles(),
        [r](const RpcContext&, const rv1::ListRequest& req, std::shared_ptr<RpcStream> stream) {
            auto page = r->list(req);
            if (!page.ok()) {
                stream->finish(page.error());
                return;
            }
            rv1::ListResponse response;
            for (auto& repo : page->items) {
                response.mutable_repository()->Swap(&repo);
                stream->send(response);
            }
            stream->finish({}, {{"x-next-page-token", page->nextPageToken},
                                {"x-total-count", std::to_string(page->totalCount)}});
        });
}

} // namespace builder::api
