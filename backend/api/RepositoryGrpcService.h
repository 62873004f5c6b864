#pragma once

#include "GrpcBridge.h"
#include "feature/repository/v1/repository.grpc.pb.h"

namespace builder::api {

// feature.repository.v1.RepositoryService over gRPC: every method goes through the GrpcBridge.
class RepositoryGrpcService final
    : public feature::repository::v1::RepositoryService::CallbackService
{
public:
    explicit RepositoryGrpcService(GrpcBridge& bridge) : m_bridge(bridge) {}

    grpc::ServerUnaryReactor* Register(grpc::CallbackServerContext* ctx,
                                       const feature::repository::v1::RegisterRequest* request,
                                       feature::repository::v1::RegisterResponse* response) override
    {
        return m_bridge.unary(ctx, "feature.repository.v1.RepositoryService/Register", request,
                              response);
    }
    grpc::ServerUnaryReactor* Get(grpc::CallbackServerContext* ctx,
                                  const feature::repository::v1::GetRequest* request,
                                  feature::repository::v1::GetResponse* response) override
    {
        return m_bridge.unary(ctx, "feature.repository.v1.RepositoryService/Get", request,
                              response);
    }
    grpc::ServerUnaryReactor*
    GetByName(grpc::CallbackServerContext* ctx,
              const feature::repository::v1::GetByNameRequest* request,
              feature::repository::v1::GetByNameResponse* response) override
    {
        return m_bridge.unary(ctx, "feature.repository.v1.RepositoryService/GetByName", request,
                              response);
    }
    grpc::ServerWriteReactor<feature::repository::v1::ListResponse>*
    List(grpc::CallbackServerContext* ctx,
         const feature::repository::v1::ListRequest* request) override
    {
        return m_bridge.stream<feature::repository::v1::ListResponse>(
            ctx, "feature.repository.v1.RepositoryService/List", request);
    }
    grpc::ServerUnaryReactor* Update(grpc::CallbackServerContext* ctx,
                                     const feature::repository::v1::UpdateRequest* request,
                                     feature::repository::v1::UpdateResponse* response) override
    {
        return m_bridge.unary(ctx, "feature.repository.v1.RepositoryService/Update", request,
                              response);
    }
    grpc::ServerUnaryReactor*
    UpdateCredentials(grpc::CallbackServerContext* ctx,
                      const feature::repository::v1::UpdateCredentialsRequest* request,
                      feature::repository::v1::UpdateCredentialsResponse* response) override
    {
        return m_bridge.unary(ctx, "feature.repository.v1.RepositoryService/UpdateCredentials",
                              request, response);
    }
    grpc::ServerUnaryReactor*
    ValidateAccess(grpc::CallbackServerContext* ctx,
                   const feature::repository::v1::ValidateAccessRequest* request,
                   feature::repository::v1::ValidateAccessResponse* response) override
    {
        return m_bridge.unary(ctx, "feature.repository.v1.RepositoryService/ValidateAccess",
                              request, response);
    }
    grpc::ServerUnaryReactor* Delete(grpc::CallbackServerContext* ctx,
                                     const feature::repository::v1::DeleteRequest* request,
                                     feature::repository::v1::DeleteResponse* response) override
    {
        return m_bridge.unary(ctx, "feature.repository.v1.RepositoryService/Delete", request,
                              response);
    }

private:
    GrpcBridge& m_bridge;
};

} // namespace builder::api
