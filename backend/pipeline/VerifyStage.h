#pragma once

#include "RunContext.h"

namespace builder::pipeline {

// VERIFYING: builds and tests the worktree in the sandbox (backend/executor).
// Failing builds or tests go back to EXECUTING for a model-written repair with
// the failure output, at most maxRepairIterations times; then the execution
// fails with BUILD_FAILED or TEST_FAILED naming the failing tests.
class VerifyStage
{
public:
    // `round` counts reviewer and human review rounds (0 for the first).
    static common::Status run(RunContext& ctx, int round);
};

} // namespace builder::pipeline
