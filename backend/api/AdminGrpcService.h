#pragma once

#include "GrpcBridge.h"
#include "feature/admin/v1/admin.grpc.pb.h"

namespace builder::api {

// feature.admin.v1.AdminService over gRPC: every method goes through the GrpcBridge.
class AdminGrpcService final : public feature::admin::v1::AdminService::CallbackService
{
public:
    explicit AdminGrpcService(GrpcBridge& bridge) : m_bridge(bridge) {}

    grpc::ServerUnaryReactor*
    GetKillSwitch(grpc::CallbackServerContext* ctx,
                  const feature::admin::v1::GetKillSwitchRequest* request,
                  feature::admin::v1::GetKillSwitchResponse* response) override
    {
        return m_bridge.unary(ctx, "feature.admin.v1.AdminService/GetKillSwitch", request,
                              response);
    }
    grpc::ServerUnaryReactor*
    SetKillSwitch(grpc::CallbackServerContext* ctx,
                  const feature::admin::v1::SetKillSwitchRequest* request,
                  feature::admin::v1::SetKillSwitchResponse* response) override
    {
        return m_bridge.unary(ctx, "feature.admin.v1.AdminService/SetKillSwitch", request,
                              response);
    }
    grpc::ServerUnaryReactor* ListAudit(grpc::CallbackServerContext* ctx,
                                        const feature::admin::v1::ListAuditRequest* request,
                                        feature::admin::v1::ListAuditResponse* response) override
    {
        return m_bridge.unary(ctx, "feature.admin.v1.AdminService/ListAudit", request, response);
    }
    grpc::ServerUnaryReactor*
    ListDeadLetters(grpc::CallbackServerContext* ctx,
                    const feature::admin::v1::ListDeadLettersRequest* request,
                    feature::admin::v1::ListDeadLettersResponse* response) override
    {
        return m_bridge.unary(ctx, "feature.admin.v1.AdminService/ListDeadLetters", request,
                              response);
    }
    grpc::ServerUnaryReactor*
    RequeueDeadLetter(grpc::CallbackServerContext* ctx,
                      const feature::admin::v1::RequeueDeadLetterRequest* request,
                      feature::admin::v1::RequeueDeadLetterResponse* response) override
    {
        return m_bridge.unary(ctx, "feature.admin.v1.AdminService/RequeueDeadLetter", request,
                              response);
    }
    grpc::ServerUnaryReactor*
    CreateToken(grpc::CallbackServerContext* ctx,
                const feature::admin::v1::CreateTokenRequest* request,
                feature::admin::v1::CreateTokenResponse* response) override
    {
        return m_bridge.unary(ctx, "feature.admin.v1.AdminService/CreateToken", request, response);
    }
    grpc::ServerUnaryReactor* ListTokens(grpc::CallbackServerContext* ctx,
                                         const feature::admin::v1::ListTokensRequest* request,
                                         feature::admin::v1::ListTokensResponse* response) override
    {
        return m_bridge.unary(ctx, "feature.admin.v1.AdminService/ListTokens", request, response);
    }
    grpc::ServerUnaryReactor*
    RevokeToken(grpc::CallbackServerContext* ctx,
                const feature::admin::v1::RevokeTokenRequest* request,
                feature::admin::v1::RevokeTokenResponse* response) override
    {
        return m_bridge.unary(ctx, "feature.admin.v1.AdminService/RevokeToken", request, response);
    }

    grpc::ServerUnaryReactor*
    ListWebhookDeliveries(grpc::CallbackServerContext* ctx,
                          const feature::admin::v1::ListWebhookDeliveriesRequest* request,
                          feature::admin::v1::ListWebhookDeliveriesResponse* response) override
    {
        return m_bridge.unary(ctx, "feature.admin.v1.AdminService/ListWebhookDeliveries", request,
                              response);
    }

private:
    GrpcBridge& m_bridge;
};

} // namespace builder::api
