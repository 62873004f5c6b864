#pragma once

#include "GrpcBridge.h"
#include "feature/analysis/v1/analysis.grpc.pb.h"

namespace builder::api {

// feature.analysis.v1.AnalysisService over gRPC: every method goes through the GrpcBridge.
class AnalysisGrpcService final : public feature::analysis::v1::AnalysisService::CallbackService
{
public:
    explicit AnalysisGrpcService(GrpcBridge& bridge) : m_bridge(bridge) {}

    grpc::ServerUnaryReactor* Localize(grpc::CallbackServerContext* ctx,
                                       const feature::analysis::v1::LocalizeRequest* request,
                                       feature::analysis::v1::LocalizeResponse* response) override
    {
        return m_bridge.unary(ctx, "feature.analysis.v1.AnalysisService/Localize", request,
                              response);
    }

private:
    GrpcBridge& m_bridge;
};

} // namespace builder::api
