#pragma once

#include "GrpcBridge.h"
#include "feature/review/v1/review.grpc.pb.h"

namespace builder::api {

// feature.review.v1.ReviewService over gRPC: every method goes through the GrpcBridge.
class ReviewGrpcService final : public feature::review::v1::ReviewService::CallbackService
{
public:
    explicit ReviewGrpcService(GrpcBridge& bridge) : m_bridge(bridge) {}

    grpc::ServerUnaryReactor* GetDiff(grpc::CallbackServerContext* ctx,
                                      const feature::review::v1::GetDiffRequest* request,
                                      feature::review::v1::GetDiffResponse* response) override
    {
        return m_bridge.unary(ctx, "feature.review.v1.ReviewService/GetDiff", request, response);
    }
    grpc::ServerUnaryReactor* Approve(grpc::CallbackServerContext* ctx,
                                      const feature::review::v1::ApproveRequest* request,
                                      feature::review::v1::ApproveResponse* response) override
    {
        return m_bridge.unary(ctx, "feature.review.v1.ReviewService/Approve", request, response);
    }
    grpc::ServerUnaryReactor*
    RequestChanges(grpc::CallbackServerContext* ctx,
                   const feature::review::v1::RequestChangesRequest* request,
                   feature::review::v1::RequestChangesResponse* response) override
    {
        return m_bridge.unary(ctx, "feature.review.v1.ReviewService/RequestChanges", request,
                              response);
    }
    grpc::ServerUnaryReactor* Reject(grpc::CallbackServerContext* ctx,
                                     const feature::review::v1::RejectRequest* request,
                                     feature::review::v1::RejectResponse* response) override
    {
        return m_bridge.unary(ctx, "feature.review.v1.ReviewService/Reject", request, response);
    }
    grpc::ServerUnaryReactor*
    ReviewPatch(grpc::CallbackServerContext* ctx,
                const feature::review::v1::ReviewPatchRequest* request,
                feature::review::v1::ReviewPatchResponse* response) override
    {
        return m_bridge.unary(ctx, "feature.review.v1.ReviewService/ReviewPatch", request,
                              response);
    }

private:
    GrpcBridge& m_bridge;
};

} // namespace builder::api
