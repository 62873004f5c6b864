#include "FakeWire.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace builder::fakes {

namespace {

QByteArray toJson(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::int64_t estimateTokens(const std::string& text)
{
    return std::max<std::int64_t>(1, static_cast<std::int64_t>((text.size() + 3) / 4));
}

const char* googleStatus(int status)
{
    switch (status) {
    case 400:
        return "INVALID_ARGUMENT";
    case 401:
        return "UNAUTHENTICATED";
    case 403:
        return "PERMISSION_DENIED";
    case 404:
        return "NOT_FOUND";
    case 429:
        return "RESOURCE_EXHAUSTED";
    case 503:
        return "UNAVAILABLE";
    case 504:
        return "DEADLINE_EXCEEDED";
    default:
        return status >= 500 ? "INTERNAL" : "FAILED_PRECONDITION";
    }
}

// The vendor's own word for a flavoured error.
std::string errorType(const FakeReply& reply, FakeProviderKind kind)
{
    if (reply.flavor == FakeReply::ErrorFlavor::Custom || !reply.errorType.empty())
        return reply.errorType;
    const bool anthropic = kind == FakeProviderKind::Anthropic;
    const bool openai = kind == FakeProviderKind::OpenAi;
    switch (reply.flavor) {
    case FakeReply::ErrorFlavor::RateLimited:
        return anthropic ? "rate_limit_error"
               : openai  ? "rate_limit_exceeded"
                         : "RESOURCE_EXHAUSTED";
    case FakeReply::ErrorFlavor::ServerError:
        return anthropic ? "api_error" : openai ? "server_error" : "INTERNAL";
    case FakeReply::ErrorFlavor::Overloaded:
        return anthropic ? "overloaded_error" : openai ? "server_error" : "UNAVAILABLE";
    case FakeReply::ErrorFlavor::Custom:
        break;
    }
    return {};
}

QByteArray errorBody(FakeProviderKind kind, int status, const std::string& type,
                     const std::string& message)
{
    const QString t = QString::fromStdString(type);
    const QString m = QString::fromStdString(message);
    switch (kind) {
    case FakeProviderKind::Anthropic:
        return toJson({{"type", "error"},
                       {"error", QJsonObject{{"type", t}, {"message", m}}},
                       {"request_id", "req_fake"}});
    case FakeProviderKind::Gemini:
        return toJson({{"error", QJsonObject{{"code", status},
                                             {"message", m},
                                             {"status", t.isEmpty() ? googleStatus(status) : t}}}});
    default:
        return toJson(
            {{"error", QJsonObject{{"message", m},
                                   {"type", t},
                                   {"param", QJsonValue::Null},
                                   {"code", t.isEmpty() ? QJsonValue() : QJsonValue(t)}}}});
    }
}

std::optional<QJsonValue> parseJson(const std::string& text)
{
    QJsonParseError error;
    const QJsonDocument doc =
        QJsonDocument::fromJson("[" + QByteArray::fromStdString(text) + "]", &error);
    if (error.error != QJsonParseError::NoError || doc.array().size() != 1)
        return std::nullopt;
    return doc.array().first();
}

QByteArray answerBody(const FakeReply& reply, const FakeRequest& request, int serial)
{
    const qint64 input = reply.inputTokens.value_or(estimateTokens(request.prompt));
    const qint64 output = reply.outputTokens.value_or(estimateTokens(reply.text));
    const QString model = QString::fromStdString(request.model);
    const QString text = QString::fromStdString(reply.text);
    const QString id = QString::number(serial);
    switch (request.kind) {
    case FakeProviderKind::Anthropic: {
        QJsonArray content;
        QString stop = reply.cutOff ? "max_tokens" : "end_turn";
        const auto parsed = request.forcedTool ? parseJson(reply.text) : std::nullopt;
        if (parsed) {
            // Tool input is an object; other values travel wrapped as {"value": ...}.
            const QJsonObject input =
                parsed->isObject() ? parsed->toObject() : QJsonObject{{"value", *parsed}};
            content.append(QJsonObject{{"type", "tool_use"},
                                       {"id", "toolu_fake_" + id},
                                       {"name", QString::fromStdString(request.toolName)},
                                       {"input", input}});
            if (!reply.cutOff)
                stop = "tool_use";
        } else {
            content.append(QJsonObject{{"type", "text"}, {"text", text}});
        }
        return toJson({{"id", "msg_fake_" + id},
                       {"type", "message"},
                       {"role", "assistant"},
                       {"model", model},
                       {"content", content},
                       {"stop_reason", stop},
                       {"stop_sequence", QJsonValue::Null},
                       {"usage", QJsonObject{{"input_tokens", input}, {"output_tokens", output}}}});
    }
    case FakeProviderKind::OpenAi:
        return toJson({{"id", "chatcmpl-fake-" + id},
                       {"object", "chat.completion"},
                       {"created", QDateTime::currentSecsSinceEpoch()},
                       {"model", model},
                       {"choices", QJsonArray{QJsonObject{
                                       {"index", 0},
                                       {"message", QJsonObject{{"role", "assistant"},
                                                               {"content", text},
                                                               {"refusal", QJsonValue::Null}}},
                                       {"logprobs", QJsonValue::Null},
                                       {"finish_reason", reply.cutOff ? "length" : "stop"}}}},
                       {"usage", QJsonObject{{"prompt_tokens", input},
                                             {"completion_tokens", output},
                                             {"total_tokens", input + output}}}});
    case FakeProviderKind::Gemini:
        return toJson(
            {{"candidates",
              QJsonArray{QJsonObject{
                  {"content", QJsonObject{{"parts", QJsonArray{QJsonObject{{"text", text}}}},
                                          {"role", "model"}}},
                  {"finishReason", reply.cutOff ? "MAX_TOKENS" : "STOP"},
                  {"index", 0}}}},
             {"usageMetadata", QJsonObject{{"promptTokenCount", input},
                                           {"candidatesTokenCount", output},
                                           {"totalTokenCount", input + output}}},
             {"modelVersion", model},
             {"responseId", "fake-" + id}});
    case FakeProviderKind::Unknown:
        break;
    }
    return {};
}

} // namespace

const char* FakeWire::reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 413:
        return "Payload Too Large";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 529:
        return "Overloaded";
    default:
        return "Status";
    }
}

std::optional<FakeReply> FakeWire::checkAuth(const FakeRequest& request, const std::string& apiKey)
{
    switch (request.kind) {
    case FakeProviderKind::Anthropic:
        if (!apiKey.empty() && !request.hasHeader("x-api-key"))
            return FakeReply::error(401, "authentication_error", "x-api-key header is required");
        if (!apiKey.empty() && request.header("x-api-key") != apiKey)
            return FakeReply::error(401, "authentication_error", "invalid x-api-key");
        if (!request.hasHeader("anthropic-version"))
            return FakeReply::error(400, "invalid_request_error",
                                    "anthropic-version: header is required");
        return std::nullopt;
    case FakeProviderKind::OpenAi: {
        if (apiKey.empty())
            return std::nullopt;
        const std::string authorization = request.header("authorization");
        if (authorization.rfind("Bearer ", 0) != 0)
            return FakeReply::error(401, "invalid_request_error",
                                    "You didn't provide an API key. You need to provide your API "
                                    "key in an Authorization header using Bearer auth.");
        const std::string given = authorization.substr(7);
        if (given != apiKey) {
            // OpenAI quotes the start and end of the wrong key back.
            const std::string masked =
                given.size() > 8 ? given.substr(0, 3) + "*****" + given.substr(given.size() - 4)
                                 : "*****";
            FakeReply reply = FakeReply::error(401, "invalid_request_error",
                                               "Incorrect API key provided: " + masked + ".");
            reply.errorType = "invalid_api_key";
            return reply;
        }
        return std::nullopt;
    }
    case FakeProviderKind::Gemini: {
        if (apiKey.empty())
            return std::nullopt;
        std::string given = request.header("x-goog-api-key");
        if (given.empty())
            given =
                QUrlQuery(QString::fromLatin1(request.query)).queryItemValue("key").toStdString();
        if (given.empty())
            return FakeReply::error(403, "PERMISSION_DENIED",
                                    "Method doesn't allow unregistered callers (callers without "
                                    "established identity). Please use API Key or other form of "
                                    "API consumer identity to call this API.");
        if (given != apiKey) {
            const QJsonObject body{
                {"error",
                 QJsonObject{{"code", 400},
                             {"message", "API key not valid. Please pass a valid API key."},
                             {"status", "INVALID_ARGUMENT"},
                             {"details", QJsonArray{QJsonObject{
                                             {"@type", "type.googleapis.com/google.rpc.ErrorInfo"},
                                             {"reason", "API_KEY_INVALID"},
                                             {"domain", "googleapis.com"}}}}}}};
            return FakeReply::raw(400, toJson(body), {{"content-type", "application/json"}});
        }
        return std::nullopt;
    }
    case FakeProviderKind::Unknown:
        break;
    }
    return std::nullopt;
}

FakeReply FakeWire::notFound(const FakeRequest& request)
{
    if (request.method != "POST")
        return FakeReply::raw(405, "{\"error\":\"method not allowed\"}",
                              {{"content-type", "application/json"}, {"allow", "POST"}});
    return FakeReply::raw(404, "{\"error\":\"no such endpoint on the fake LLM server\"}",
                          {{"content-type", "application/json"}});
}

FakeResponse FakeWire::render(const FakeReply& reply, const FakeRequest& request)
{
    FakeResponse out;
    out.delay = reply.delay;
    out.status = reply.status;
    out.headers = {{"content-type", "application/json"}};
    switch (reply.kind) {
    case FakeReply::Kind::Answer:
        out.status = 200;
        out.body = answerBody(reply, request, request.index + 1);
        break;
    case FakeReply::Kind::Error:
        out.body = errorBody(request.kind, reply.status, errorType(reply, request.kind),
                             reply.errorMessage);
        if (request.kind != FakeProviderKind::Anthropic && reply.status == 529)
            out.status = 503;
        break;
    case FakeReply::Kind::Raw:
        out.headers.clear();
        out.body = reply.body;
        break;
    case FakeReply::Kind::Malformed:
        out.status = 200;
        out.body = "{\"id\": \"msg_fake\", \"content\": [{\"type\": \"text\", \"text\": \"cut";
        break;
    case FakeReply::Kind::Truncated:
        out.status = 200;
        out.body = answerBody(FakeReply::answer("this answer never arrives whole"), request,
                              request.index + 1);
        out.body.truncate(out.body.size() / 2);
        out.truncate = true;
        break;
    case FakeReply::Kind::Disconnect:
        out.disconnect = true;
        break;
    }
    for (const auto& header : reply.headers)
        out.headers.append(header);
    return out;
}

} // namespace builder::fakes
