#pragma once

#include <grpcpp/grpcpp.h>

#include <QString>

#include <memory>
#include <string>
#include <vector>

namespace builder::testing {

// Calls any gRPC method by name with raw request bytes (grpc::GenericStub), so a
// test can walk methods found in descriptors without generated stubs.
class GenericCall
{
public:
    struct Outcome
    {
        grpc::Status status;
        std::vector<std::string> messages; // response messages, serialized
        std::multimap<std::string, std::string> initialMetadata;
        std::multimap<std::string, std::string> trailingMetadata;
    };

    // `path` is "/package.Service/Method". An empty token sends no authorization.
    static Outcome unary(const std::shared_ptr<grpc::Channel>& channel, const std::string& path,
                         const std::string& request, const QString& token, int timeoutMs = 10000);
    // Sends one request, half-closes, reads every response until the status.
    static Outcome serverStreaming(const std::shared_ptr<grpc::Channel>& channel,
                                   const std::string& path, const std::string& request,
                                   const QString& token, int timeoutMs = 10000);
};

} // namespace builder::testing
