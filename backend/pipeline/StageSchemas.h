#pragma once

#include <string>

namespace builder::pipeline {

// The JSON Schema of each LLM stage's answer (llm::StructuredCaller validates
// against them; the providers' structured-output modes receive them).
class StageSchemas
{
public:
    static std::string normalizedSpec();
    static std::string impact();
    static std::string plan(int maxSteps);
    static std::string codeChange();
};

} // namespace builder::pipeline
