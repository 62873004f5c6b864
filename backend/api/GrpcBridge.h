#pragma once

#include "CallGate.h"
#include "GrpcStream.h"
#include "RequestMetrics.h"
#include "RpcRegistry.h"
#include "core/WorkerPool.h"

#include <grpcpp/grpcpp.h>

namespace builder::api {

// Runs a gRPC call through the CallGate and the method's registered handler.
class GrpcBridge
{
public:
    // Handlers run on `pool`, never on gRPC's few callback threads, so a slow
    // call (a write waiting for the database, a remote being probed) does not
    // hold up every other call and the health service.
    GrpcBridge(const RpcRegistry& registry, const CallGate& gate, RequestMetrics& metrics,
               core::WorkerPool& pool)
        : m_registry(registry), m_gate(gate), m_metrics(metrics), m_pool(pool)
    {}

    grpc::ServerUnaryReactor* unary(grpc::CallbackServerContext* ctx, const char* fullName,
                                    const google::protobuf::Message* request,
                                    google::protobuf::Message* response);

    template <typename Resp>
    grpc::ServerWriteReactor<Resp>* stream(grpc::CallbackServerContext* ctx, const char* fullName,
                                           const google::protobuf::Message* request)
    {
        // gRPC owns `request` only until the call is done, which a client
        // cancel can make happen before the pool gets to it.
        std::shared_ptr<google::protobuf::Message> copy(request->New());
        copy->CopyFrom(*request);
        return start<Resp>(ctx, fullName, std::move(copy));
    }

    // A server-streaming method registered raw (grpc::ByteBuffer in and out):
    // the request is parsed here, and the handler's stream writes responses
    // that arrive serialized (RpcStream::sendSerialized) as they are.
    grpc::ServerWriteReactor<grpc::ByteBuffer>* rawStream(grpc::CallbackServerContext* ctx,
                                                          const char* fullName,
                                                          const grpc::ByteBuffer* request);

private:
    // `request` is null when a raw request could not be parsed.
    template <typename Resp>
    grpc::ServerWriteReactor<Resp>* start(grpc::CallbackServerContext* ctx, const char* fullName,
                                          std::shared_ptr<google::protobuf::Message> request)
    {
        auto [reactor, state] = GrpcStream<Resp>::create(ctx);
        const RpcRegistry::Method* method = m_registry.find(fullName);
        auto admitted = admit(ctx, method);
        if (admitted.ok() && !request)
            admitted =
                common::Error(common::StatusCode::InvalidArgument,
                              "the request is not a valid " +
                                  method->descriptor->input_type()->full_name() + " message");
        if (!admitted.ok()) {
            m_metrics.record(fullName, admitted.error().code(), 0);
            state->finish(admitted.error());
            return reactor;
        }
        m_metrics.record(fullName, common::StatusCode::Ok, 0);
        m_metrics.streamOpened();
        state->setOnClosed([metrics = &m_metrics] { metrics->streamClosed(); });
        m_pool.submit([method, context = std::move(admitted).value(), request, stream = state] {
            method->stream(context, *request, stream);
        });
        return reactor;
    }

    common::Result<RpcContext> admit(grpc::CallbackServerContext* ctx,
                                     const RpcRegistry::Method* method);

    const RpcRegistry& m_registry;
    const CallGate& m_gate;
    RequestMetrics& m_metrics;
    core::WorkerPool& m_pool;
};

} // namespace builder::api
