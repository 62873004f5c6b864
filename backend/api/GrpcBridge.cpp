#include "GrpcBridge.h"

#include <chrono>

namespace builder::api {

common::Result<RpcContext> GrpcBridge::admit(grpc::CallbackServerContext* ctx,
                                             const RpcRegistry::Method* method)
{
    if (!method)
        return common::Error(common::StatusCode::Unimplemented, "unknown method");
    std::string authorization;
    const auto& metadata = ctx->client_metadata();
    if (auto it = metadata.find("authorization"); it != metadata.end())
        authorization.assign(it->second.data(), it->second.size());
    Trailers headers;
    auto admitted = m_gate.admit(*method, authorization, &headers);
    for (const auto& [key, value] : headers)
        ctx->AddInitialMetadata(key, value);
    return admitted;
}

grpc::ServerWriteReactor<grpc::ByteBuffer>* GrpcBridge::rawStream(grpc::CallbackServerContext* ctx,
                                                                  const char* fullName,
                                                                  const grpc::ByteBuffer* request)
{
    std::shared_ptr<google::protobuf::Message> parsed;
    if (const RpcRegistry::Method* method = m_registry.find(fullName)) {
        std::vector<grpc::Slice> slices;
        // An empty message may arrive as no buffer at all.
        if (!request->Valid() || request->Dump(&slices).ok()) {
            std::string bytes;
            for (const auto& slice : slices)
                bytes.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
            parsed = method->newRequest();
            if (!parsed->ParseFromString(bytes))
                parsed.reset();
        }
    }
    return start<grpc::ByteBuffer>(ctx, fullName, std::move(parsed));
}

grpc::ServerUnaryReactor* GrpcBridge::unary(grpc::CallbackServerContext* ctx, const char* fullName,
                                            const google::protobuf::Message* request,
                                            google::protobuf::Message* response)
{
    auto* reactor = ctx->DefaultReactor();
    m_pool.submit([this, ctx, reactor, fullName, request, response] {
        const auto started = std::chrono::steady_clock::now();
        const RpcRegistry::Method* method = m_registry.find(fullName);
        auto admitted = admit(ctx, method);
        common::Status status = admitted.ok() ? method->unary(admitted.value(), *request, response)
                                              : common::Status(admitted.error());
        const auto elapsed =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started);
        m_metrics.record(fullName, status.ok() ? common::StatusCode::Ok : status.error().code(),
                         elapsed.count());
        reactor->Finish(GrpcStatus::from(status));
    });
    return reactor;
}

} // namespace builder::api
