#include "Stages.h"

#include <algorithm>

namespace builder::llm {

const std::vector<std::string>& Stages::all()
{
    static const std::vector<std::string> kStages = {
        "normalize_spec", "analyze_impact", "generate_plan", "generate_code", "repair", "review"};
    return kStages;
}

bool Stages::isKnown(const std::string& stage)
{
    const auto& stages = all();
    return std::find(stages.begin(), stages.end(), stage) != stages.end();
}

std::string Stages::list()
{
    std::string out;
    for (const auto& stage : all())
        out += (out.empty() ? "" : ", ") + stage;
    return out;
}

bool Stages::isLight(const std::string& stage)
{
    return stage == "normalize_spec" || stage == "analyze_impact";
}

} // namespace builder::llm
