#pragma once

#include "RunContext.h"
#include "git/CommitSummary.h"
#include "git/DiffStat.h"

#include <string>
#include <vector>

namespace builder::pipeline {

// The analysis report artifact: the normalised spec, the impact analysis, the
// plan, verification and review verdicts, the commits, and LLM usage and cost.
class AnalysisReport
{
public:
    static std::string markdown(RunContext& ctx, const git::DiffStat& stat,
                                const std::vector<git::CommitSummary>& commits);
};

} // namespace builder::pipeline
