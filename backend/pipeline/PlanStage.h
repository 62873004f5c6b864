#pragma once

#include "RunContext.h"

namespace builder::pipeline {

// PLANNING: the LLM turns the spec and the impact analysis into typed steps
// (at most max_steps), stored on the execution with a plan.created event.
class PlanStage
{
public:
    static common::Status run(RunContext& ctx);
};

} // namespace builder::pipeline
