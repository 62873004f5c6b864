#include "GeminiProvider.h"

#include "llm/GeminiSchema.h"
#include "llm/JsonText.h"
#include "llm/SchemaPrompt.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace builder::llm {

using common::Error;
using common::StatusCode;

GeminiProvider::GeminiProvider(EndpointSettings settings) : HttpProvider(std::move(settings)) {}

common::Result<HttpProvider::Wire> GeminiProvider::encode(const CompletionRequest& request,
                                                          const std::string& model) const
{
    std::string bare = model.rfind("models/", 0) == 0 ? model.substr(7) : model;
    static const QRegularExpression kModel(QStringLiteral("^[A-Za-z0-9._-]+$"));
    if (!kModel.match(QString::fromStdString(bare)).hasMatch())
        return Error(StatusCode::FailedPrecondition,
                     "gemini: model name \"" + bare +
                         "\" may hold only letters, digits, '.', '_' "
                         "and '-'; check " +
                         settings().modelSetting);

    QJsonObject generation{{"temperature", request.temperature},
                           {"maxOutputTokens", request.maxOutputTokens}};
    std::string system = request.system;
    if (!request.jsonSchema.empty()) {
        auto schema = JsonText::schemaObject(request.stage, request.jsonSchema);
        if (!schema.ok())
            return schema.error();
        generation["responseMimeType"] = "application/json";
        if (auto converted = GeminiSchema::convert(*schema))
            generation["responseSchema"] = *converted;
        else
            system = SchemaPrompt::withSchema(system, request.jsonSchema);
    }

    QJsonObject body;
    if (!system.empty())
        body["systemInstruction"] = QJsonObject{
            {"parts", QJsonArray{QJsonObject{{"text", QString::fromStdString(system)}}}}};
    QJsonArray contents;
    for (const auto& message : request.messages)
        contents.append(QJsonObject{
            {"role", message.role == Role::User ? "user" : "model"},
            {"parts", QJsonArray{QJsonObject{{"text", QString::fromStdString(message.text)}}}}});
    body["contents"] = contents;
    body["generationConfig"] = generation;

    Wire wire;
    wire.path = "/v1beta/models/" + QString::fromStdString(bare) + ":generateContent";
    wire.headers = {{"x-goog-api-key", QByteArray::fromStdString(settings().apiKey)}};
    wire.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return wire;
}

common::Result<HttpProvider::Decoded> GeminiProvider::decode(const QJsonObject& body,
                                                             const CompletionRequest&) const
{
    const QJsonArray candidates = body.value("candidates").toArray();
    if (candidates.isEmpty()) {
        const QString blocked =
            body.value("promptFeedback").toObject().value("blockReason").toString();
        if (!blocked.isEmpty())
            return Error(StatusCode::InvalidArgument,
                         "gemini blocked the prompt (" + blocked.toStdString() + ")");
        return Error(StatusCode::Unavailable, "gemini: malformed response (no candidates)");
    }
    const QJsonObject candidate = candidates.first().toObject();
    Decoded out;
    for (const auto& part : candidate.value("content").toObject().value("parts").toArray())
        if (!part.toObject().value("thought").toBool()) // thought summaries are not the answer
            out.text += part.toObject().value("text").toString().toStdString();
    out.stopReason = candidate.value("finishReason").toString().toStdString();
    out.truncated = out.stopReason == "MAX_TOKENS";
    if (out.text.empty() && !out.stopReason.empty() && out.stopReason != "STOP" && !out.truncated)
        return Error(StatusCode::InvalidArgument,
                     "gemini stopped without an answer (finishReason " + out.stopReason + ")");
    out.model = body.value("modelVersion").toString().toStdString();
    const QJsonObject usage = body.value("usageMetadata").toObject();
    out.usage.input = usage.value("promptTokenCount").toInteger();
    // Thinking tokens are billed as output.
    out.usage.output = usage.value("candidatesTokenCount").toInteger() +
                       usage.value("thoughtsTokenCount").toInteger();
    return out;
}

HttpProvider::VendorError GeminiProvider::readError(const QJsonObject& body) const
{
    const QJsonObject error = body.value("error").toObject();
    VendorError out{error.value("status").toString().toStdString(),
                    error.value("message").toString().toStdString(), false};
    // A wrong key is a 400 INVALID_ARGUMENT whose details say API_KEY_INVALID.
    for (const auto& detail : error.value("details").toArray())
        if (detail.toObject().value("reason").toString() == "API_KEY_INVALID")
            out.badKey = true;
    return out;
}

} // namespace builder::llm
