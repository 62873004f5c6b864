#pragma once

#include "common/Result.h"

#include <QJsonValue>

#include <string>

namespace builder::llm {

// Small JSON helpers shared by the wire formats: any JSON value (scalars too) to and from
// compact text, and schema text to an object.
struct JsonText
{
    static std::string compact(const QJsonValue& value);
    // Parses one JSON value of any kind; the error says where it broke.
    static common::Result<QJsonValue> parse(const std::string& text);
    // The schema of a request as an object; Internal when it is not one (a pipeline bug).
    static common::Result<QJsonObject> schemaObject(const std::string& stage,
                                                    const std::string& schemaText);
};

} // namespace builder::llm
