#pragma once

#include "buf/validate/violations.pb.h"
#include "google/rpc/status.pb.h"

#include <grpcpp/grpcpp.h>

#include <QString>

#include <memory>
#include <string>
#include <vector>

namespace builder::testing {

// Helpers for talking to builderd over real gRPC in tests.
class GrpcTestClient
{
public:
    static std::shared_ptr<grpc::Channel> channel(const QString& address);
    // A context carrying "authorization: Bearer <token>" (none when token is empty)
    // and a deadline.
    static std::unique_ptr<grpc::ClientContext> context(const QString& token,
                                                        int timeoutMs = 10000);
    // The buf.validate violations carried in a status' details.
    static std::vector<buf::validate::Violation> violations(const grpc::Status& status);
    // The first value of a server metadata key (initial or trailing), or "".
    static std::string metadata(const grpc::ClientContext& ctx, const std::string& key);
};

} // namespace builder::testing
