#include "OpenAiProvider.h"

#include "llm/JsonText.h"
#include "llm/SchemaPrompt.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace builder::llm {

using common::Error;
using common::StatusCode;

OpenAiProvider::OpenAiProvider(EndpointSettings settings, Flavor flavor, ResponseFormat format)
    : HttpProvider(std::move(settings)), m_flavor(flavor), m_format(format)
{}

bool OpenAiProvider::isStrictCompatible(const QJsonObject& schema)
{
    static const QStringList kKnown = {"type",  "properties", "required",    "additionalProperties",
                                       "items", "enum",       "description", "title"};
    for (auto it = schema.begin(); it != schema.end(); ++it)
        if (!kKnown.contains(it.key()))
            return false;
    if (schema.value("type").toString() == "object") {
        if (schema.value("additionalProperties") != QJsonValue(false))
            return false;
        const QJsonObject properties = schema.value("properties").toObject();
        const QJsonArray required = schema.value("required").toArray();
        if (required.size() != properties.size())
            return false;
        for (const auto& name : required)
            if (!properties.contains(name.toString()))
                return false;
        for (auto it = properties.begin(); it != properties.end(); ++it)
            if (!isStrictCompatible(it.value().toObject()))
                return false;
    }
    if (schema.contains("items") && !isStrictCompatible(schema.value("items").toObject()))
        return false;
    return true;
}

common::Result<HttpProvider::Wire> OpenAiProvider::encode(const CompletionRequest& request,
                                                          const std::string& model) const
{
    std::optional<QJsonObject> schema;
    if (!request.jsonSchema.empty()) {
        auto parsed = JsonText::schemaObject(request.stage, request.jsonSchema);
        if (!parsed.ok())
            return parsed.error();
        schema = *parsed;
    }
    const bool sendsSchema = schema && m_format == ResponseFormat::JsonSchema;

    // Without the schema on the wire the model only learns it from the prompt (and OpenAI's
    // json_object mode insists that the prompt says "JSON").
    std::string system = request.system;
    if (schema && !sendsSchema)
        system = SchemaPrompt::withSchema(system, request.jsonSchema);

    QJsonArray messages;
    if (!system.empty())
        messages.append(
            QJsonObject{{"role", "system"}, {"content", QString::fromStdString(system)}});
    for (const auto& message : request.messages)
        messages.append(QJsonObject{{"role", message.role == Role::User ? "user" : "assistant"},
                                    {"content", QString::fromStdString(message.text)}});

    QJsonObject body{{"model", QString::fromStdString(model)},
                     {"messages", messages},
                     {"temperature", request.temperature}};
    // OpenAI deprecated max_tokens; compatible servers still know only that name.
    body[m_flavor == Flavor::OpenAi ? "max_completion_tokens" : "max_tokens"] =
        request.maxOutputTokens;
    if (sendsSchema) {
        static const QRegularExpression kName(QStringLiteral("^[a-zA-Z0-9_-]{1,64}$"));
        const QString stage = QString::fromStdString(request.stage);
        body["response_format"] = QJsonObject{
            {"type", "json_schema"},
            {"json_schema",
             QJsonObject{{"name", kName.match(stage).hasMatch() ? stage : "builder_output"},
                         {"schema", *schema},
                         {"strict", isStrictCompatible(*schema)}}}};
    } else if (schema && m_format == ResponseFormat::JsonObject) {
        body["response_format"] = QJsonObject{{"type", "json_object"}};
    }

    Wire wire;
    wire.path = QStringLiteral("/v1/chat/completions");
    if (!settings().apiKey.empty())
        wire.headers.append(QPair<QByteArray, QByteArray>(
            "authorization", "Bearer " + QByteArray::fromStdString(settings().apiKey)));
    wire.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return wire;
}

common::Result<HttpProvider::Decoded> OpenAiProvider::decode(const QJsonObject& body,
                                                             const CompletionRequest&) const
{
    const QJsonArray choices = body.value("choices").toArray();
    if (choices.isEmpty() || !choices.first().toObject().value("message").isObject())
        return Error(StatusCode::Unavailable,
                     settings().name + ": malformed response (no choices[0].message)");
    const QJsonObject choice = choices.first().toObject();
    const QJsonObject message = choice.value("message").toObject();
    const QJsonValue refusal = message.value("refusal");
    if (refusal.isString() && !refusal.toString().isEmpty())
        return Error(StatusCode::InvalidArgument,
                     settings().name + ": the model refused: " + refusal.toString().toStdString());

    Decoded out;
    out.model = body.value("model").toString().toStdString();
    const QJsonValue content = message.value("content");
    if (content.isString()) {
        out.text = content.toString().toStdString();
    } else if (content.isArray()) { // some compatible servers answer with content parts
        for (const auto& part : content.toArray())
            out.text += part.toObject().value("text").toString().toStdString();
    }
    out.stopReason = choice.value("finish_reason").toString().toStdString();
    out.truncated = out.stopReason == "length";
    const QJsonObject usage = body.value("usage").toObject();
    out.usage.input = usage.value("prompt_tokens").toInteger();
    out.usage.output = usage.value("completion_tokens").toInteger();
    return out;
}

HttpProvider::VendorError OpenAiProvider::readError(const QJsonObject& body) const
{
    const QJsonValue errorValue = body.value("error");
    if (errorValue.isString()) // Ollama and llama.cpp: {"error": "message"}
        return {{}, errorValue.toString().toStdString(), false};
    const QJsonObject error = errorValue.toObject();
    std::string type = error.value("code").toString().toStdString();
    if (type.empty())
        type = error.value("type").toString().toStdString();
    return {type, error.value("message").toString().toStdString(), false};
}

} // namespace builder::llm
