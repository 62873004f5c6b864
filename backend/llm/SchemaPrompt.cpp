#include "SchemaPrompt.h"

namespace builder::llm {

std::string SchemaPrompt::withSchema(const std::string& system, const std::string& schemaText)
{
    std::string out = system;
    if (!out.empty())
        out += "\n\n";
    out += "Answer with a single JSON value, and nothing else, that matches this JSON Schema:\n";
    out += schemaText;
    return out;
}

} // namespace builder::llm
