#pragma once

#include "GrpcBridge.h"
#include "feature/feature/v1/feature.grpc.pb.h"

namespace builder::api {

// feature.feature.v1.FeatureService over gRPC: every method goes through the
// GrpcBridge; ListEvents is registered raw (bytes in and out, same wire format).
class FeatureGrpcService final
    : public feature::feature::v1::FeatureService::WithRawCallbackMethod_ListEvents<
          feature::feature::v1::FeatureService::CallbackService>
{
public:
    explicit FeatureGrpcService(GrpcBridge& bridge) : m_bridge(bridge) {}

    grpc::ServerUnaryReactor* Create(grpc::CallbackServerContext* ctx,
                                     const feature::feature::v1::CreateRequest* request,
                                     feature::feature::v1::CreateResponse* response) override
    {
        return m_bridge.unary(ctx, "feature.feature.v1.FeatureService/Create", request, response);
    }
    grpc::ServerUnaryReactor* Get(grpc::CallbackServerContext* ctx,
                                  const feature::feature::v1::GetRequest* request,
                                  feature::feature::v1::GetResponse* response) override
    {
        return m_bridge.unary(ctx, "feature.feature.v1.FeatureService/Get", request, response);
    }
    grpc::ServerUnaryReactor*
    GetByCorrelation(grpc::CallbackServerContext* ctx,
                     const feature::feature::v1::GetByCorrelationRequest* request,
                     feature::feature::v1::GetByCorrelationResponse* response) override
    {
        return m_bridge.unary(ctx, "feature.feature.v1.FeatureService/GetByCorrelation", request,
                              response);
    }
    grpc::ServerWriteReactor<feature::feature::v1::SearchResponse>*
    Search(grpc::CallbackServerContext* ctx,
           const feature::feature::v1::SearchRequest* request) override
    {
        return m_bridge.stream<feature::feature::v1::SearchResponse>(
            ctx, "feature.feature.v1.FeatureService/Search", request);
    }
    grpc::ServerUnaryReactor* Cancel(grpc::CallbackServerContext* ctx,
                                     const feature::feature::v1::CancelRequest* request,
                                     feature::feature::v1::CancelResponse* response) override
    {
        return m_bridge.unary(ctx, "feature.feature.v1.FeatureService/Cancel", request, response);
    }
    grpc::ServerUnaryReactor* Retry(grpc::CallbackServerContext* ctx,
                                    const feature::feature::v1::RetryRequest* request,
                                    feature::feature::v1::RetryResponse* response) override
    {
        return m_bridge.unary(ctx, "feature.feature.v1.FeatureService/Retry", request, response);
    }
    // Raw, so that replayed events go out as the bytes the store holds.
    grpc::ServerWriteReactor<grpc::ByteBuffer>* ListEvents(grpc::CallbackServerContext* ctx,
                                                           const grpc::ByteBuffer* request) override
    {
        return m_bridge.rawStream(ctx, "feature.feature.v1.FeatureService/ListEvents", request);
    }
    grpc::ServerUnaryReactor*
    GetArtifacts(grpc::CallbackServerContext* ctx,
                 const feature::feature::v1::GetArtifactsRequest* request,
                 feature::feature::v1::GetArtifactsResponse* response) override
    {
        return m_bridge.unary(ctx, "feature.feature.v1.FeatureService/GetArtifacts", request,
                              response);
    }

private:
    GrpcBridge& m_bridge;
};

} // namespace builder::api
