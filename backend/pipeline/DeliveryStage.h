#pragma once

#include "RunContext.h"

namespace builder::pipeline {

// Delivery: the feature branch is pushed to the repository's remote (once:
// the push is journaled, and a push repeated after a crash finds the remote
// already at the commit), the patch series and the analysis report become
// artifacts, and the execution COMPLETES with its DeliveryResult.
class DeliveryStage
{
public:
    static common::Status run(RunContext& ctx);
};

} // namespace builder::pipeline
