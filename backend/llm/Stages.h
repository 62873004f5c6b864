#pragma once

#include <string>
#include <vector>

namespace builder::llm {

// The pipeline stages that call a model; configuration keys name them (llm.model.<stage>).
struct Stages
{
    static const std::vector<std::string>& all();
    static bool isKnown(const std::string& stage);
    // "normalize_spec, analyze_impact, ..." for error messages.
    static std::string list();
    // Stages that read and sort rather than write code: served by a vendor's lighter model.
    static bool isLight(const std::string& stage);
};

} // namespace builder::llm
