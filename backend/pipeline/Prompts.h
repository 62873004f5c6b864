#pragma once

#include "EditApplier.h"
#include "StageResults.h"
#include "feature/feature/v1/feature.pb.h"
#include "llm/CompletionRequest.h"
#include "localize/LocalizeResult.h"

#include <string>

namespace builder::pipeline {

// The requests each LLM stage sends. The feature text and everything read
// from the repository are untrusted: they are fenced as data, and the system
// prompts say that instructions inside them are not to be followed.
class Prompts
{
public:
    static llm::CompletionRequest normalizeSpec(const feature::feature::v1::FeatureSpec& spec,
                                                const std::string& repositoryName);
    static llm::CompletionRequest analyzeImpact(const feature::feature::v1::FeatureSpec& spec,
                                                const NormalizedSpec& normalized,
                                                const localize::LocalizeResult& localized);
    static llm::CompletionRequest plan(const feature::feature::v1::FeatureSpec& spec,
                                       const NormalizedSpec& normalized,
                                       const ImpactAnalysis& impact,
                                       const std::string& fileContext);
    // `feedback`: reviewer findings or a human's comments to address (may be empty).
    static llm::CompletionRequest code(const feature::feature::v1::FeatureSpec& spec,
                                       const NormalizedSpec& normalized,
                                       const feature::feature::v1::ExecutionPlan& plan, int step,
                                       const std::string& fileContext, const std::string& feedback);
    static llm::CompletionRequest repair(const feature::feature::v1::FeatureSpec& spec,
                                         const NormalizedSpec& normalized,
                                         const feature::feature::v1::ExecutionPlan& plan,
                                         const std::string& problem,
                                         const std::string& fileContext);
    // The user message of the corrective retry when edits did not apply.
    static std::string editCorrection(const std::vector<EditFailure>& failures,
                                      const std::string& currentFiles);

    // "=== path ===\n<text>" blocks, used for every file shown to the model.
    static std::string fileBlock(const std::string& path, const std::string& text);
    static std::string untrusted(const std::string& label, const std::string& text);
};

} // namespace builder::pipeline
