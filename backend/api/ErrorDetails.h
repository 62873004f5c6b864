#pragma once

#include "common/Error.h"

#include <string>

namespace builder::api {

// Error -> wire: the serialized google.rpc.Status (with buf.validate.Violations
// in its details) for gRPC's grpc-status-details-bin, and the contract's JSON
// error body for HTTP.
class ErrorDetails
{
public:
    static std::string statusDetailsBinary(const common::Error& error);
    static std::string connectJson(const common::Error& error);
};

} // namespace builder::api
