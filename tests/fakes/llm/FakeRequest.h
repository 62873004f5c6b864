#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

#include <string>

namespace builder::fakes {

// Which vendor's wire format a request used, told by its path.
enum class FakeProviderKind
{
    Anthropic, // POST /v1/messages
    OpenAi,    // POST /v1/chat/completions (OpenAI and compatible servers)
    Gemini,    // POST /v1beta/models/{model}:generateContent
    Unknown,
};

const char* fakeProviderName(FakeProviderKind kind); // "anthropic", "openai", "gemini", "unknown"

// One request as the fake server received it, with the parts tests assert on already picked
// out of the vendor's JSON.
struct FakeRequest
{
    int index = 0; // 0-based arrival order
    FakeProviderKind kind = FakeProviderKind::Unknown;
    QByteArray method;
    QByteArray target; // path and query as sent
    QByteArray path;
    QByteArray query;
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-cased
    QByteArray body;
    QJsonObject json; // the parsed body (empty when it is not a JSON object)

    std::string model;  // body "model", or the {model} of a Gemini path
    std::string stage;  // x-builder-stage header, else the forced tool / json_schema name
    std::string system; // the system prompt
    std::string prompt; // system prompt and every message text, joined by newlines
    std::string lastUserText;
    QJsonObject
        schema; // the output schema on the wire (tool input_schema, json_schema, responseSchema)
    bool forcedTool = false; // Anthropic tool_choice {type: tool}
    std::string toolName;

    // The first header of that (case-insensitive) name, "" when absent.
    std::string header(const std::string& name) const;
    bool hasHeader(const std::string& name) const;

    // Fills kind, model, stage, prompts and schema from method, path, headers and body.
    void interpret();
};

} // namespace builder::fakes
