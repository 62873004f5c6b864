#pragma once

#include <QJsonObject>

#include <optional>

namespace builder::llm {

// Converts the JSON Schema subset Builder uses into Gemini's responseSchema (an OpenAPI 3.0
// subset: upper-case types, string-only enums, no additionalProperties). Keywords Gemini lacks
// are dropped (the answer is validated afterwards anyway); nullopt when a construct cannot be
// expressed faithfully (no type, a union of types), so the caller sends no schema at all.
struct GeminiSchema
{
    static std::optional<QJsonObject> convert(const QJsonObject& schema);
};

} // namespace builder::llm
