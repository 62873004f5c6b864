#pragma once

#include "RunContext.h"

namespace builder::pipeline {

// ANALYZING: the LLM restates the spec as a problem statement, requirements
// and testable acceptance criteria (ctx.normalized).
class NormalizeSpecStage
{
public:
    static common::Status run(RunContext& ctx);
};

} // namespace builder::pipeline
