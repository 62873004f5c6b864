#pragma once

#include "CallGate.h"
#include "RequestMetrics.h"
#include "RpcRegistry.h"
#include "feature/feature/v1/feature.pb.h"
#include "http/HttpHandler.h"

#include <functional>
#include <memory>
#include <vector>

namespace builder::store {
class Database;
}
namespace builder::core {
class ArtifactLinks;
class WorkerPool;
} // namespace builder::core

namespace builder::api {

// The HTTP side of builderd: /health, /ready, /metrics, the Connect protocol
// (JSON unary and server-streaming) for every registered RPC, and the
// WebSocket event feed at /v1/events. Calls run on the worker pool, never on
// the HTTP I/O threads.
class ConnectGateway : public http::HttpHandler
{
public:
    static constexpr const char* kEventsPath = "/v1/events";
    static constexpr const char* kListEvents = "feature.feature.v1.FeatureService/ListEvents";

    ConnectGateway(const RpcRegistry& registry, const CallGate& gate, RequestMetrics& metrics,
                   std::shared_ptr<store::Database> db, core::WorkerPool& pool);

    // Serves GET /v1/artifacts/<id>?expires=..&signature=.. (the signature is the credential).
    void setArtifactLinks(const core::ArtifactLinks* links) { m_links = links; }
    // Serves every request under /webhooks/ (GitHub's deliveries) through
    // `handler`, on the worker pool; it authenticates them itself (signatures).
    using WebhookHandler = std::function<void(const http::HttpRequest&, http::ResponderPtr)>;
    static constexpr const char* kWebhooksPrefix = "/webhooks/";
    void setWebhookHandler(WebhookHandler handler) { m_webhooks = std::move(handler); }
    // Appends Prometheus lines to /metrics (e.g. the kill switch's state).
    void addMetrics(std::function<void(std::string&)> render)
    {
        m_extraMetrics.push_back(std::move(render));
    }

    void handle(const http::HttpRequest& request, http::ResponderPtr responder) override;
    std::optional<std::pair<int, QByteArray>>
    acceptWebSocket(const http::HttpRequest& request) override;
    void onWebSocket(const http::HttpRequest& request, QWebSocket* socket) override;

private:
    void handleRpc(const http::HttpRequest& request, http::ResponderPtr responder);
    void serveMetrics(http::ResponderPtr responder);
    void serveArtifact(const http::HttpRequest& request, http::ResponderPtr responder);
    static void respondError(const http::ResponderPtr& responder, const common::Error& error,
                             const Trailers& headers = {});
    static common::Result<feature::feature::v1::ListEventsRequest>
    eventsRequestFromQuery(const http::HttpRequest& request);

    const RpcRegistry& m_registry;
    const CallGate& m_gate;
    RequestMetrics& m_metrics;
    std::shared_ptr<store::Database> m_db;
    core::WorkerPool& m_pool;
    const core::ArtifactLinks* m_links = nullptr;
    WebhookHandler m_webhooks;
    std::vector<std::function<void(std::string&)>> m_extraMetrics;
};

} // namespace builder::api
