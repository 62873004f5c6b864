#include "AnthropicProvider.h"

#include "llm/JsonText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace builder::llm {

using common::Error;
using common::StatusCode;

namespace {

// Tool input must be an object: other schemas are wrapped as {"value": <schema>}.
bool needsWrapping(const QJsonObject& schema)
{
    return schema.value("type").toString() != "object";
}

QJsonObject wrapSchema(const QJsonObject& schema)
{
    return QJsonObject{{"type", "object"},
                       {"properties", QJsonObject{{"value", schema}}},
                       {"required", QJsonArray{"value"}},
                       {"additionalProperties", false}};
}

Error malformed(const std::string& what)
{
    return Error(StatusCode::Unavailable, "anthropic: malformed response (" + what + ")");
}

} // namespace

AnthropicProvider::AnthropicProvider(EndpointSettings settings) : HttpProvider(std::move(settings))
{}

std::string AnthropicProvider::toolName(const std::string& stage)
{
    static const QRegularExpression kToolName(QStringLiteral("^[a-zA-Z0-9_-]{1,64}$"));
    return kToolName.match(QString::fromStdString(stage)).hasMatch() ? stage : "builder_output";
}

common::Result<HttpProvider::Wire> AnthropicProvider::encode(const CompletionRequest& request,
                                                             const std::string& model) const
{
    QJsonObject body{{"model", QString::fromStdString(model)},
                     {"max_tokens", request.maxOutputTokens},
                     {"temperature", request.temperature}};
    if (!request.system.empty())
        body["system"] = QString::fromStdString(request.system);
    QJsonArray messages;
    for (const auto& message : request.messages)
        messages.append(QJsonObject{{"role", message.role == Role::User ? "user" : "assistant"},
                                    {"content", QString::fromStdString(message.text)}});
    body["messages"] = messages;

    if (!request.jsonSchema.empty()) {
        auto schema = JsonText::schemaObject(request.stage, request.jsonSchema);
        if (!schema.ok())
            return schema.error();
        const QString tool = QString::fromStdString(toolName(request.stage));
        body["tools"] = QJsonArray{QJsonObject{
            {"name", tool},
            {"description", "Record the result of the " + QString::fromStdString(request.stage) +
                                " step. Call this tool exactly once with the complete result."},
            {"input_schema", needsWrapping(*schema) ? wrapSchema(*schema) : *schema}}};
        body["tool_choice"] = QJsonObject{{"type", "tool"}, {"name", tool}};
    }

    Wire wire;
    wire.path = QStringLiteral("/v1/messages");
    wire.headers = {{"x-api-key", QByteArray::fromStdString(settings().apiKey)},
                    {"anthropic-version", kVersion}};
    wire.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return wire;
}

common::Result<HttpProvider::Decoded>
AnthropicProvider::decode(const QJsonObject& body, const CompletionRequest& request) const
{
    if (!body.value("content").isArray())
        return malformed("no content array");
    Decoded out;
    out.model = body.value("model").toString().toStdString();
    out.stopReason = body.value("stop_reason").toString().toStdString();
    out.truncated = out.stopReason == "max_tokens";
    const QJsonObject usage = body.value("usage").toObject();
    // Cache writes and reads are input tokens too (billed at other rates, not used by Builder).
    out.usage.input = usage.value("input_tokens").toInteger() +
                      usage.value("cache_creation_input_tokens").toInteger() +
                      usage.value("cache_read_input_tokens").toInteger();
    out.usage.output = usage.value("output_tokens").toInteger();

    std::string text;
    std::optional<QJsonValue> toolInput;
    const std::string tool = toolName(request.stage);
    for (const auto& blockValue : body.value("content").toArray()) {
        const QJsonObject block = blockValue.toObject();
        const QString type = block.value("type").toString();
        if (type == "text")
            text += block.value("text").toString().toStdString();
        else if (type == "tool_use" && !toolInput &&
                 block.value("name").toString().toStdString() == tool)
            toolInput = block.value("input");
    }
    if (toolInput && !request.jsonSchema.empty()) {
        QJsonValue value = *toolInput;
        auto schema = JsonText::schemaObject(request.stage, request.jsonSchema);
        if (schema.ok() && needsWrapping(*schema) && value.isObject() &&
            value.toObject().contains("value"))
            value = value.toObject().value("value");
        out.text = JsonText::compact(value);
    } else {
        out.text = std::move(text);
    }
    return out;
}

HttpProvider::VendorError AnthropicProvider::readError(const QJsonObject& body) const
{
    const QJsonObject error = body.value("error").toObject();
    return {error.value("type").toString().toStdString(),
            error.value("message").toString().toStdString(), false};
}

} // namespace builder::llm
