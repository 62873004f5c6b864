#include "HttpProvider.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonParseError>

#include <chrono>

namespace builder::llm {

using common::Error;
using common::StatusCode;

namespace {

constexpr std::size_t kMaxVendorMessage = 400;

std::string statusLabel(int status, const std::string& type)
{
    return "HTTP " + std::to_string(status) + (type.empty() ? "" : " " + type);
}

} // namespace

HttpProvider::HttpProvider(EndpointSettings settings) : m_settings(std::move(settings)) {}

QUrl HttpProvider::endpoint(const QString& path) const
{
    QString base = QString::fromStdString(m_settings.baseUrl);
    while (base.endsWith('/'))
        base.chop(1);
    // "https://api.openai.com/v1" is how the vendors' own SDKs spell base URLs.
    for (const QString& version : {QStringLiteral("/v1beta"), QStringLiteral("/v1")})
        if (base.endsWith(version) && path.startsWith(version + "/"))
            base.chop(version.size());
    return QUrl(base + path);
}

std::string HttpProvider::redact(std::string text) const
{
    const std::string& key = m_settings.apiKey;
    if (!key.empty())
        for (auto at = text.find(key); at != std::string::npos; at = text.find(key, at))
            text.replace(at, key.size(), "[redacted]");
    if (text.size() > kMaxVendorMessage)
        text = text.substr(0, kMaxVendorMessage) + "...";
    return text;
}

Error HttpProvider::httpError(int status, const QByteArray& body) const
{
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    const VendorError vendor = readError(json);
    const std::string label = statusLabel(status, vendor.type);
    const std::string& name = m_settings.name;
    const std::string message = redact(vendor.message);
    const std::string detail = message.empty() ? label : label + ": " + message;

    // The vendor's words are left out of key errors: OpenAI quotes part of the key back.
    if (status == 401 || vendor.badKey)
        return Error(StatusCode::Unauthenticated, name + " rejected the API key (" + label +
                                                      "); check " + m_settings.keySetting);
    if (status == 403)
        return Error(StatusCode::Unauthenticated,
                     name + " refused access (" + detail + "); check " + m_settings.keySetting);
    if (status == 404)
        return Error(StatusCode::FailedPrecondition,
                     name + ": model or endpoint not found (" + detail + "); check " +
                         m_settings.modelSetting + " and the base URL " + m_settings.baseUrl);
    if (status == 400 || status == 413 || status == 422)
        return Error(StatusCode::InvalidArgument, name + " rejected the request (" + detail + ")");
    if (RetryPolicy::isRetryableStatus(status))
        return Error(StatusCode::Unavailable, name + ": " + detail);
    return Error(StatusCode::FailedPrecondition, name + ": unexpected answer (" + detail + ")");
}

common::Result<CompletionResponse> HttpProvider::complete(const CompletionRequest& request,
                                                          const common::CancelToken& cancel)
{
    const auto started = std::chrono::steady_clock::now();
    const std::string& name = m_settings.name;
    const std::string model =
        request.model.empty() ? m_settings.modelFor(request.stage) : request.model;
    if (model.empty())
        return Error(StatusCode::FailedPrecondition, name + ": no model configured for stage \"" +
                                                         request.stage + "\"; set " +
                                                         m_settings.modelSetting);
    auto wire = encode(request, model);
    if (!wire.ok())
        return wire.error();

    HttpClient::Request http;
    http.url = endpoint(wire->path);
    http.headers = wire->headers;
    http.headers.append(QPair<QByteArray, QByteArray>("content-type", "application/json"));
    http.headers.append(QPair<QByteArray, QByteArray>("accept", "application/json"));
    http.headers.append(QPair<QByteArray, QByteArray>("user-agent", "builder-llm/1"));
    // A marker real vendors ignore; fake servers and proxies can route on it.
    http.headers.append(
        QPair<QByteArray, QByteArray>("x-builder-stage", QByteArray::fromStdString(request.stage)));
    http.body = wire->body;
    http.timeout = m_settings.timeout;

    const int maxAttempts = std::max(1, m_settings.retry.maxAttempts);
    auto cancelled = [&](const Error& reason) {
        return Error(reason.code(), name + ": call cancelled (" + reason.message() + ")");
    };

    for (int attempt = 1;; ++attempt) {
        Error failure;
        std::optional<std::chrono::milliseconds> serverDelay;
        bool retryable = true;
        auto reply = HttpClient::post(http, cancel);
        if (!reply.ok()) {
            const Error& error = reply.error();
            if (error.code() == StatusCode::DeadlineExceeded && !cancel.cancelled())
                return Error(error.code(),
                             name + ": " + error.message() + " (llm.timeout_seconds)");
            if (error.code() != StatusCode::Unavailable)
                return cancelled(error);
            failure = Error(StatusCode::Unavailable, name + ": " + error.message());
        } else if (reply->status >= 200 && reply->status < 300) {
            QJsonParseError parseError;
            const auto document = QJsonDocument::fromJson(reply->body, &parseError);
            if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
                failure = Error(StatusCode::Unavailable,
                                name + ": malformed response body (" +
                                    (document.isNull()
                                         ? parseError.errorString().toStdString() + " at offset " +
                                               std::to_string(parseError.offset)
                                         : std::string("not a JSON object")) +
                                    ")");
            } else {
                auto decoded = decode(document.object(), request);
                if (decoded.ok()) {
                    CompletionResponse out;
                    out.provider = name;
                    out.model = decoded->model.empty() ? model : decoded->model;
                    out.text = std::move(decoded->text);
                    out.usage = decoded->usage;
                    out.stopReason = decoded->stopReason;
                    out.truncated = decoded->truncated;
                    out.attempts = attempt;
                    if (m_settings.prices) {
                        out.costUsd = m_settings.prices->cost(name, out.model, out.usage);
                        if (out.costUsd == 0 && out.model != model)
                            out.costUsd = m_settings.prices->cost(name, model, out.usage);
                    }
                    out.latencyMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                                        std::chrono::steady_clock::now() - started)
                                        .count();
                    return out;
                }
                if (decoded.error().code() != StatusCode::Unavailable)
                    return decoded.error();
                failure = decoded.error();
            }
        } else {
            failure = httpError(reply->status, reply->body);
            if (failure.code() != StatusCode::Unavailable)
                return failure;
            serverDelay = RetryPolicy::serverDelay(reply->header("retry-after"),
                                                   reply->header("retry-after-ms"),
                                                   QDateTime::currentDateTimeUtc());
            // OpenAI answers 429 when the account is out of credit: waiting will not help.
            retryable = failure.message().find("insufficient_quota") == std::string::npos;
        }

        if (!retryable || attempt >= maxAttempts)
            return Error(StatusCode::Unavailable, attempt == 1
                                                      ? failure.message()
                                                      : failure.message() + " (gave up after " +
                                                            std::to_string(attempt) + " attempts)");
        if (serverDelay && *serverDelay > m_settings.retry.maxRetryAfter)
            return Error(StatusCode::Unavailable,
                         failure.message() + " (the server asked to retry after " +
                             std::to_string(serverDelay->count() / 1000) +
                             " s, longer than llm.max_retry_after_seconds)");
        const auto wait = serverDelay ? *serverDelay : m_settings.retry.backoff(attempt);
        if (cancel.waitFor(wait))
            return cancelled(cancel.reason().value_or(Error(StatusCode::Cancelled, "cancelled")));
    }
}

} // namespace builder::llm
