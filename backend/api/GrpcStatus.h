#pragma once

#include "common/Result.h"

#include <grpcpp/support/status.h>

namespace builder::api {

// Error -> grpc::Status with the google.rpc.Status details attached.
class GrpcStatus
{
public:
    static grpc::Status from(const common::Status& status);
    static grpc::Status from(const common::Error& error);
};

} // namespace builder::api
