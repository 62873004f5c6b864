#include "FeatureApi.h"

#include "CallSupport.h"
#include "feature/feature/v1/feature.grpc.pb.h"

namespace builder::client {

namespace fv1 = feature::feature::v1;

namespace {

std::shared_ptr<fv1::FeatureService::Stub> serviceFor(BackendInternals& internals)
{
    return fv1::FeatureService::NewStub(internals.channel());
}

} // namespace

void FeatureApi::create(const fv1::CreateRequest& request, QObject* guard, Reply<Execution> done)
{
    auto s = serviceFor(m_internals);
    CallSupport::unary<Execution>(
        m_internals, guard,
        [s, request](grpc::ClientContext& context, Execution& out) {
            fv1::CreateResponse response;
            auto status = s->Create(&context, request, &response);
            out = response.execution();
            return status;
        },
        std::move(done));
}

void FeatureApi::get(const std::string& id, QObject* guard, Reply<Execution> done)
{
    auto s = serviceFor(m_internals);
    fv1::GetRequest request;
    request.set_id(id);
    CallSupport::unary<Execution>(
        m_internals, guard,
        [s, request](grpc::ClientContext& context, Execution& out) {
            fv1::GetResponse response;
            auto status = s->Get(&context, request, &response);
            out = response.execution();
            return status;
        },
        std::move(done));
}

void FeatureApi::search(const fv1::SearchRequest& request, QObject* guard,
                        Reply<Page<Execution>> done)
{
    auto s = serviceFor(m_internals);
    CallSupport::page<Execution, fv1::SearchResponse>(
        m_internals, guard,
        [s, request](grpc::ClientContext& context) { return s->Search(&context, request); },
        [](const fv1::SearchResponse& response) { return response.execution(); }, std::move(done));
}

void FeatureApi::cancel(const std::string& id, const std::string& reason, QObject* guard,
                        Reply<Execution> done)
{
    auto s = serviceFor(m_internals);
    fv1::CancelRequest request;
    request.set_id(id);
    request.set_reason(reason);
    CallSupport::unary<Execution>(
        m_internals, guard,
        [s, request](grpc::ClientContext& context, Execution& out) {
            fv1::CancelResponse response;
            auto status = s->Cancel(&context, request, &response);
            out = response.execution();
            return status;
        },
        std::move(done));
}

void FeatureApi::retry(const std::string& id, int fromStep, QObject* guard, Reply<Execution> done)
{
    auto s = serviceFor(m_internals);
    fv1::RetryRequest request;
    request.set_id(id);
    request.set_from_step(fromStep);
    CallSupport::unary<Execution>(
        m_internals, guard,
        [s, request](grpc::ClientContext& context, Execution& out) {
            fv1::RetryResponse response;
            auto status = s->Retry(&context, request, &response);
            out = response.execution();
            return status;
        },
        std::move(done));
}

void FeatureApi::artifacts(const std::string& id, QObject* guard,
                           Reply<std::vector<fv1::Artifact>> done)
{
    auto s = serviceFor(m_internals);
    fv1::GetArtifactsRequest request;
    request.set_feature_execution_id(id);
    CallSupport::unary<std::vector<fv1::Artifact>>(
        m_internals, guard,
        [s, request](grpc::ClientContext& context, std::vector<fv1::Artifact>& out) {
            fv1::GetArtifactsResponse response;
            auto status = s->GetArtifacts(&context, request, &response);
            out.assign(response.artifacts().begin(), response.artifacts().end());
            return status;
        },
        std::move(done));
}

} // namespace builder::client
