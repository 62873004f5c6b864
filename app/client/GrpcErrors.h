#pragma once

#include "common/Error.h"

#include <grpcpp/support/status.h>

namespace builder::client {

// grpc::Status -> common::Error, with the buf.validate violations from the
// status details, so views can put each server field error next to its field.
class GrpcErrors
{
public:
    static constexpr const char* kViolationsType = "type.googleapis.com/buf.validate.Violations";

    static common::Error fromStatus(const grpc::Status& status);
    // True for failures that a later attempt may not have (network, overload, drain).
    static bool isTransient(common::StatusCode code);
};

} // namespace builder::client
