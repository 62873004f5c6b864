#include "StageFailure.h"

namespace builder::pipeline {

namespace fv1 = feature::feature::v1;
using common::StatusCode;

StageFailure StageFailure::from(const common::Error& error, fv1::ErrorCode stageCode,
                                int failedStep)
{
    StageFailure f;
    f.message = error.message();
    f.failedStep = failedStep;
    f.code = stageCode;
    switch (error.code()) {
    case StatusCode::ResourceExhausted:
        f.code = fv1::ERROR_CODE_BUDGET_EXCEEDED;
        break;
    case StatusCode::PermissionDenied:
        // Path policy inside a stage; access problems at the remote keep the stage's code.
        if (stageCode != fv1::ERROR_CODE_REPOSITORY_ACCESS &&
            stageCode != fv1::ERROR_CODE_PUSH_FAILED)
            f.code = fv1::ERROR_CODE_POLICY_VIOLATION;
        break;
    case StatusCode::DeadlineExceeded:
        // A provider call that timed out: worth another attempt later.
        f.retryable = true;
        break;
    case StatusCode::Unavailable:
    case StatusCode::Internal:
    case StatusCode::Unknown:
        f.retryable = true;
        break;
    default:
        break;
    }
    return f;
}

} // namespace builder::pipeline
