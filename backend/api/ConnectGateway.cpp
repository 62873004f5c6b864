#include "ConnectGateway.h"

#include "ConnectStream.h"
#include "ErrorDetails.h"
#include "JsonCodec.h"
#include "WebSocketStream.h"
#include "core/ArtifactLinks.h"
#include "core/WorkerPool.h"
#include "store/Database.h"
#include "store/ExecutionStore.h"

#include <QFile>
#include <QUrlQuery>

#include <chrono>
#include <cstring>

namespace builder::api {

namespace fv1 = feature::feature::v1;
using common::Error;
using common::StatusCode;

namespace {

const QByteArray kJson = "application/json";
const QByteArray kConnectJson = "application/connect+json";

http::HeaderList toHeaders(const Trailers& pairs)
{
    http::HeaderList out;
    for (const auto& [key, value] : pairs)
        out.append({QByteArray::fromStdString(key), QByteArray::fromStdString(value)});
    return out;
}

void respondJson(const http::ResponderPtr& responder, int status, const std::string& body,
                 const Trailers& headers = {})
{
    auto list = toHeaders(headers);
    list.append({"Content-Type", kJson});
    responder->respond(status, list, QByteArray::fromStdString(body));
}

// Connect streaming bodies are enveloped; accept a bare JSON body as well.
std::string unwrapEnvelope(const QByteArray& body, bool enveloped, bool* ok)
{
    *ok = true;
    if (!enveloped)
        return body.toStdString();
    if (body.size() < 5) {
        *ok = false;
        return {};
    }
    const auto* p = reinterpret_cast<const unsigned char*>(body.constData());
    const quint32 n = (quint32(p[1]) << 24) | (quint32(p[2]) << 16) | (quint32(p[3]) << 8) | p[4];
    if ((p[0] & 0x01) != 0 || qsizetype(n) != body.size() - 5) {
        *ok = false;
        return {};
    }
    return body.mid(5).toStdString();
}

} // namespace

ConnectGateway::ConnectGateway(const RpcRegistry& registry, const CallGate& gate,
                               RequestMetrics& metrics, std::shared_ptr<store::Database> db,
                               core::WorkerPool& pool)
    : m_registry(registry), m_gate(gate), m_metrics(metrics), m_db(std::move(db)), m_pool(pool)
{}

void ConnectGateway::respondError(const http::ResponderPtr& responder, const Error& error,
                                  const Trailers& headers)
{
    respondJson(responder, common::httpStatusFor(error.code()), ErrorDetails::connectJson(error),
                headers);
}

void ConnectGateway::handle(const http::HttpRequest& request, http::ResponderPtr responder)
{
    const QByteArray& path = request.path;
    if (request.method == "GET" && path == "/health") {
        respondJson(responder, 200, R"({"status":"healthy","service":"builderd"})");
        return;
    }
    if (request.method == "GET" && path == "/ready") {
        m_pool.submit([this, responder] {
            if (m_db->ping())
                respondJson(responder, 200, R"({"status":"ready"})");
            else
                respondJson(responder, 503,
                            R"({"status":"unavailable","reason":"database not reachable"})");
        });
        return;
    }
    if (request.method == "GET" && path == "/metrics") {
        m_pool.submit([this, responder] { serveMetrics(responder); });
        return;
    }
    if (request.method == "GET" && path.startsWith(core::ArtifactLinks::kPathPrefix) && m_links) {
        m_pool.submit([this, request, responder] { serveArtifact(request, responder); });
        return;
    }
    if (path.startsWith(kWebhooksPrefix) && m_webhooks) {
        m_pool.submit([this, request, responder] { m_webhooks(request, responder); });
        return;
    }
    if (path.count('/') == 2 && path.size() > 1) {
        if (request.method != "POST") {
            respondError(
                responder,
                Error(StatusCode::Unimplemented, "RPC endpoints take POST (Connect protocol)"),
                {{"Allow", "POST"}});
            return;
        }
        m_pool.submit([this, request, responder] { handleRpc(request, responder); });
        return;
    }
    respondError(responder, Error::notFound("no such endpoint: " + path.toStdString()));
}

void ConnectGateway::serveArtifact(const http::HttpRequest& request, http::ResponderPtr responder)
{
    const auto id =
        request.path.mid(static_cast<int>(std::strlen(core::ArtifactLinks::kPathPrefix)));
    auto download =
        m_links->resolve(id.toStdString(), request.query.queryItemValue("expires").toStdString(),
                         request.query.queryItemValue("signature").toStdString());
    if (!download.ok()) {
        respondError(responder, download.error());
        return;
    }
    QFile file(QString::fromStdString(download->path));
    if (!file.open(QIODevice::ReadOnly)) {
        respondError(responder, Error::notFound("artifact " + id.toStdString() + " is unreadable"));
        return;
    }
    const auto name = QByteArray::fromStdString(download->name).replace('"', '_').replace('/', '_');
    responder->beginStream(200, {{"Content-Type", QByteArray::fromStdString(download->contentType)},
                                 {"Content-Disposition", "attachment; filename=\"" + name + "\""},
                                 {"Cache-Control", "private, no-store"}});
    while (!file.atEnd() && !responder->isClosed())
        responder->writeChunk(file.read(256 * 1024));
    responder->endStream();
}

void ConnectGateway::handleRpc(const http::HttpRequest& request, http::ResponderPtr responder)
{
    const auto started = std::chrono::steady_clock::now();
    const std::string fullName = request.path.mid(1).toStdString();
    const RpcRegistry::Method* method = m_registry.find(fullName);
    if (!method) {
        respondError(responder, Error(StatusCode::Unimplemented, "unknown RPC " + fullName));
        return;
    }
    // Media types are case-insensitive; parameters such as charset are ignored.
    const QByteArray contentType =
        request.header("content-type").split(';').first().trimmed().toLower();
    const bool enveloped = contentType == kConnectJson;
    const bool acceptable =
        contentType.isEmpty() || contentType == kJson || (enveloped && method->stream != nullptr);
    if (!acceptable) {
        const Error error(StatusCode::InvalidArgument,
                          "unsupported Content-Type \"" + contentType.toStdString() + "\": use " +
                              (method->stream ? "application/connect+json or application/json"
                                              : "application/json"));
        respondJson(responder, 415, ErrorDetails::connectJson(error));
        return;
    }
    Trailers headers;
    auto admitted = m_gate.admit(*method, request.header("authorization").toStdString(), &headers);
    auto req = method->newRequest();
    common::Status status;
    if (!admitted.ok()) {
        status = admitted.error();
    } else {
        bool ok = true;
        const std::string json = unwrapEnvelope(request.body, enveloped, &ok);
        status = ok ? JsonCodec::fromJson(json, req.get())
                    : common::Status(Error(StatusCode::InvalidArgument,
                                           "malformed Connect envelope in request body"));
    }

    if (method->stream) {
        m_metrics.record(fullName, status.ok() ? StatusCode::Ok : status.error().code(), 0);
        auto list = toHeaders(headers);
        list.append({"Content-Type", kConnectJson});
        responder->beginStream(200, list);
        auto stream = std::make_shared<ConnectStream>(responder);
        if (!status.ok()) {
            stream->finish(status);
            return;
        }
        method->stream(admitted.value(), *req, stream);
        return;
    }

    auto resp = method->newResponse();
    if (status.ok())
        status = method->unary(admitted.value(), *req, resp.get());
    const auto elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started);
    m_metrics.record(fullName, status.ok() ? StatusCode::Ok : status.error().code(),
                     elapsed.count());
    if (!status.ok())
        respondError(responder, status.error(), headers);
    else
        respondJson(responder, 200, JsonCodec::toJson(*resp), headers);
}

void ConnectGateway::serveMetrics(http::ResponderPtr responder)
{
    std::string body;
    m_metrics.render(body);
    auto counts =
        m_db->read([](store::Connection& c) -> common::Result<std::vector<std::pair<int, int>>> {
            return store::ExecutionStore::countByState(c);
        });
    body += "# HELP builder_executions Feature executions by state.\n"
            "# TYPE builder_executions gauge\n";
    if (counts.ok()) {
        for (const auto& [state, count] : counts.value())
            body += "builder_executions{state=\"" +
                    fv1::FeatureState_Name(static_cast<fv1::FeatureState>(state)) + "\"} " +
                    std::to_string(count) + "\n";
    }
    for (const auto& render : m_extraMetrics)
        render(body);
    responder->respond(200, {{"Content-Type", "text/plain; version=0.0.4; charset=utf-8"}},
                       QByteArray::fromStdString(body));
}

common::Result<fv1::ListEventsRequest>
ConnectGateway::eventsRequestFromQuery(const http::HttpRequest& request)
{
    fv1::ListEventsRequest out;
    out.set_feature_execution_id(request.query.queryItemValue("execution").toStdString());
    const QString after = request.query.queryItemValue("after_sequence");
    if (!after.isEmpty()) {
        bool ok = false;
        const auto value = after.toULongLong(&ok);
        if (!ok)
            return Error::invalid("after_sequence", "uint64", "after_sequence must be a number");
        out.set_after_sequence(value);
    }
    for (const auto& item : request.query.allQueryItemValues("event_types"))
        for (const auto& type : item.split(',', Qt::SkipEmptyParts))
            out.add_event_types(type.toStdString());
    return out;
}

std::optional<std::pair<int, QByteArray>>
ConnectGateway::acceptWebSocket(const http::HttpRequest& request)
{
    auto refuse = [](const Error& error) {
        return std::make_pair(common::httpStatusFor(error.code()),
                              QByteArray::fromStdString(ErrorDetails::connectJson(error)));
    };
    if (request.path != kEventsPath)
        return refuse(Error::notFound("no WebSocket endpoint at " + request.path.toStdString()));
    const RpcRegistry::Method* method = m_registry.find(kListEvents);
    auto admitted = m_gate.admit(*method, request.header("authorization").toStdString(), nullptr);
    if (!admitted.ok())
        return refuse(admitted.error());
    auto events = eventsRequestFromQuery(request);
    if (!events.ok())
        return refuse(events.error());
    return std::nullopt;
}

void ConnectGateway::onWebSocket(const http::HttpRequest& request, QWebSocket* socket)
{
    const RpcRegistry::Method* method = m_registry.find(kListEvents);
    auto admitted = m_gate.authenticate(request.header("authorization").toStdString());
    auto events = eventsRequestFromQuery(request);
    auto stream = WebSocketStream::attach(socket);
    if (!admitted.ok() || !events.ok()) {
        stream->finish(!admitted.ok() ? admitted.error() : events.error());
        return;
    }
    m_pool.submit([method, stream, context = RpcContext{admitted.value(), kListEvents},
                   req = events.value()] { method->stream(context, req, stream); });
}

} // namespace builder::api
