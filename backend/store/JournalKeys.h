#pragma once

#include <string>
#include <vector>

namespace builder::store {

class Connection;

// The names of the pipeline's journal entries that someone besides the
// pipeline reads: a retry reuses the model's answers of the stages and steps
// its parent finished.
class JournalKeys
{
public:
    static constexpr const char* kNormalizeDone = "done/normalize_spec";
    static constexpr const char* kImpactDone = "done/analyze_impact";
    static constexpr const char* kPlanDone = "done/generate_plan";

    // "done/step/003"
    static std::string stepDone(int step);
    // "step-003": the LLM call scope of a plan step
    static std::string stepScope(int step);
    // "llm/generate_code/step-003#": the prefix of that step's LLM answers
    static std::string llmPrefix(const std::string& stage, const std::string& scope);

    // The LLM answers of `parent` a retry from `fromStep` may reuse: those of
    // the analysis and planning stages and of the steps before fromStep, each
    // only when the parent finished it (a failed stage's answers would fail again).
    static std::vector<std::string> reusableByRetry(Connection& c, const std::string& parent,
                                                    int fromStep);
};

} // namespace builder::store
