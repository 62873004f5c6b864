#include "GrpcStatus.h"

#include "ErrorDetails.h"

namespace builder::api {

grpc::Status GrpcStatus::from(const common::Status& status)
{
    return status.ok() ? grpc::Status::OK : from(status.error());
}

grpc::Status GrpcStatus::from(const common::Error& error)
{
    return grpc::Status(static_cast<grpc::StatusCode>(error.code()), error.message(),
                        ErrorDetails::statusDetailsBinary(error));
}

} // namespace builder::api
