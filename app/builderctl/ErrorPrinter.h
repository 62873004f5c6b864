#pragma once

#include "common/Error.h"

#include <grpcpp/support/status.h>

#include <string>
#include <vector>

namespace builder::ctl {

// Turns a failed call into stderr text: "error: <code>: <message>", then one
// line per validation violation carried in the status details
// (grpc-status-details-bin = google.rpc.Status with buf.validate.Violations).
class ErrorPrinter
{
public:
    static constexpr const char* kViolationsType = "type.googleapis.com/buf.validate.Violations";

    static std::string format(const grpc::Status& status);
    static std::string format(int code, const std::string& message,
                              const std::string& serializedDetails);
    // The lower_snake code name builderd's HTTP API uses too ("not_found").
    static std::string codeName(int code);
    // Violations found in a serialized google.rpc.Status; empty when there are none
    // or the bytes do not parse.
    static std::vector<common::Violation> violations(const std::string& serializedDetails);
};

} // namespace builder::ctl
