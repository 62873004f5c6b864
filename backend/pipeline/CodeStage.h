#pragma once

#include "RunContext.h"

namespace builder::pipeline {

// EXECUTING: one model-written, policy-checked commit per plan step, with
// step.started / step.completed events and progress.
class CodeStage
{
public:
    static common::Status run(RunContext& ctx);
    // The journal key of step `index`'s round.
    static std::string stepKey(int index);
};

} // namespace builder::pipeline
