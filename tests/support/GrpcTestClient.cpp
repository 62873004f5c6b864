#include "GrpcTestClient.h"

#include <chrono>

namespace builder::testing {

std::shared_ptr<grpc::Channel> GrpcTestClient::channel(const QString& address)
{
    return grpc::CreateChannel(address.toStdString(), grpc::InsecureChannelCredentials());
}

std::unique_ptr<grpc::ClientContext> GrpcTestClient::context(const QString& token, int timeoutMs)
{
    auto ctx = std::make_unique<grpc::ClientContext>();
    if (!token.isEmpty())
        ctx->AddMetadata("authorization", "Bearer " + token.toStdString());
    ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(timeoutMs));
    return ctx;
}

std::vector<buf::validate::Violation> GrpcTestClient::violations(const grpc::Status& status)
{
    std::vector<buf::validate::Violation> out;
    google::rpc::Status details;
    if (!details.ParseFromString(status.error_details()))
        return out;
    for (const auto& any : details.details()) {
        buf::validate::Violations v;
        if (any.UnpackTo(&v))
            out.insert(out.end(), v.violations().begin(), v.violations().end());
    }
    return out;
}

std::string GrpcTestClient::metadata(const grpc::ClientContext& ctx, const std::string& key)
{
    for (const auto* map : {&ctx.GetServerInitialMetadata(), &ctx.GetServerTrailingMetadata()}) {
        auto it = map->find(key);
        if (it != map->end())
            return std::string(it->second.data(), it->second.size());
    }
    return {};
}

} // namespace builder::testing
