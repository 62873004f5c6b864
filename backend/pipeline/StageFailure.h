#pragma once

#include "common/Error.h"
#include "feature/feature/v1/feature.pb.h"

namespace builder::pipeline {

// Which ErrorCode a failed stage reports, and whether the job queue should try
// again (transport trouble) or the execution fails at once (bad input, policy,
// budget, a model that keeps answering wrongly).
struct StageFailure
{
    feature::feature::v1::ErrorCode code = feature::feature::v1::ERROR_CODE_INTERNAL;
    bool retryable = false;
    std::string message;
    int failedStep = 0;

    // The usual mapping of an Error raised inside a stage whose own failure
    // code is `stageCode`.
    static StageFailure from(const common::Error& error, feature::feature::v1::ErrorCode stageCode,
                             int failedStep = 0);
};

} // namespace builder::pipeline
