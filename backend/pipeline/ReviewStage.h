#pragma once

#include "ReviewGate.h"
#include "RunContext.h"

namespace builder::pipeline {

// VERIFYING, after the tests: the automated review gate. Its verdict is
// journaled per round with a review.completed event; without a reviewer
// configured the gate passes and says so in that event.
class ReviewStage
{
public:
    static common::Result<ReviewVerdict> run(RunContext& ctx, int round);
};

} // namespace builder::pipeline
