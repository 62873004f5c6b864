#pragma once

#include "RunContext.h"

namespace builder::pipeline {

// ANALYZING: the repository map and lexical ranking (backend/localize) find
// the candidate files; the LLM chooses the direct and indirect impacts among
// them (ctx.impact). Files the model names that neither exist nor are
// declared new are dropped, with an event saying so.
class AnalyzeImpactStage
{
public:
    static common::Status run(RunContext& ctx);
};

} // namespace builder::pipeline
