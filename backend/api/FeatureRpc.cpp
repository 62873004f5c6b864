#include "FeatureRpc.h"

#include "ResultInto.h"
#include "RpcRegistry.h"
#include "StreamEventSink.h"
#include "core/EventFeed.h"
#include "core/FeatureManager.h"

namespace builder::api {

namespace fv1 = feature::feature::v1;
using security::Role;

namespace {
const std::set<Role> kWriters = {Role::Engineer, Role::Admin};
constexpr const char* kService = "feature.feature.v1.FeatureService/";

std::string name(const char* method)
{
    return std::string(kService) + method;
}
} // namespace

void FeatureRpc::registerAll(RpcRegistry& registry, core::FeatureManager& features,
                             std::shared_ptr<store::Database> db, core::EventBus& bus,
                             core::WorkerPool& pool)
{
    auto* f = &features;
    registry.addUnary<fv1::CreateRequest, fv1::CreateResponse>(
        name("Create"), kWriters, [f](const RpcContext& ctx, const auto& req, auto& resp) {
            return resultInto(f->create(ctx.principal, req), resp.mutable_execution());
        });
    registry.addUnary<fv1::GetRequest, fv1::GetResponse>(
        name("Get"), RpcRegistry::allRoles(), [f](const RpcContext&, const auto& req, auto& resp) {
            return resultInto(f->get(req.id()), resp.mutable_execution());
        });
    registry.addUnary<fv1::GetByCorrelationRequest, fv1::GetByCorrelationResponse>(
        name("GetByCorrelation"), RpcRegistry::allRoles(),
        [f](const RpcContext&, const auto& req, auto& resp) {
            return resultInto(f->getByCorrelation(req), resp.mutable_execution());
        });
    registry.addUnary<fv1::CancelRequest, fv1::CancelResponse>(
        name("Cancel"), kWriters, [f](const RpcContext& ctx, const auto& req, auto& resp) {
            return resultInto(f->cancel(ctx.principal, req), resp.mutable_execution());
        });
    registry.addUnary<fv1::RetryRequest, fv1::RetryResponse>(
        name("Retry"), kWriters, [f](const RpcContext& ctx, const auto& req, auto& resp) {
            return resultInto(f->retry(ctx.principal, req), resp.mutable_execution());
        });
    registry.addUnary<fv1::GetArtifactsRequest, fv1::GetArtifactsResponse>(
        name("GetArtifacts"), RpcRegistry::allRoles(),
        [f](const RpcContext&, const auto& req, auto& resp) {
            return resultInto(f->artifacts(req), &resp);
        });

    registry.addStream<fv1::SearchRequest>(
        name("Search"), RpcRegistry::allRoles(),
        [f](const RpcContext&, const fv1::SearchRequest& req, std::shared_ptr<RpcStream> stream) {
            auto page = f->search(req);
            if (!page.ok()) {
                stream->finish(page.error());
                return;
            }
            fv1::SearchResponse response;
            for (auto& execution : page->items) {
                response.mutable_execution()->Swap(&execution);
                stream->send(response);
            }
            stream->finish({}, {{"x-next-page-token", page->nextPageToken},
                                {"x-total-count", std::to_string(page->totalCount)}});
        });

    registry.addStream<fv1::ListEventsRequest>(
        name("ListEvents"), RpcRegistry::allRoles(),
        [f, db, &bus, &pool](const RpcContext&, const fv1::ListEventsRequest& req,
                             std::shared_ptr<RpcStream> stream) {
            if (auto status = f->checkEventsRequest(req); !status.ok()) {
                stream->finish(status);
                return;
            }
            core::EventFeed::Options options;
            options.executionId = req.feature_execution_id();
            options.afterSequence = req.after_sequence();
            options.eventTypes = {req.event_types().begin(), req.event_types().end()};
            auto sink = std::make_shared<StreamEventSink>(stream);
            auto feed = core::EventFeed::start(db, bus, pool, std::move(options), sink);
            stream->setOnDrained([weak = std::weak_ptr<core::EventFeed>(feed)] {
                if (auto feed = weak.lock())
                    feed->resume();
            });
            // The stream owns the feed until the client goes away.
            stream->setOnClosed([feed] { feed->stop(); });
        });
}

} // namespace builder::api
