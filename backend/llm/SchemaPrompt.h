#pragma once

#include <string>

namespace builder::llm {

// The instruction appended to a system prompt when the wire format cannot carry the schema.
struct SchemaPrompt
{
    static std::string withSchema(const std::string& system, const std::string& schemaText);
};

} // namespace builder::llm
