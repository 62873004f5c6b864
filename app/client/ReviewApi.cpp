#include "ReviewApi.h"

#include "CallSupport.h"
#include "feature/review/v1/review.grpc.pb.h"

namespace builder::client {

namespace rv1 = feature::review::v1;

namespace {

std::shared_ptr<rv1::ReviewService::Stub> serviceFor(BackendInternals& internals)
{
    return rv1::ReviewService::NewStub(internals.channel());
}

} // namespace

void ReviewApi::getDiff(const std::string& executionId, QObject* guard,
                        Reply<rv1::GetDiffResponse> done)
{
    auto s = serviceFor(m_internals);
    rv1::GetDiffRequest request;
    request.set_feature_execution_id(executionId);
    CallSupport::unary<rv1::GetDiffResponse>(
        m_internals, guard,
        [s, request](grpc::ClientContext& context, rv1::GetDiffResponse& out) {
            return s->GetDiff(&context, request, &out);
        },
        std::move(done));
}

void ReviewApi::approve(const rv1::ApproveRequest& request, QObject* guard, Reply<Execution> done)
{
    auto s = serviceFor(m_internals);
    CallSupport::unary<Execution>(
        m_internals, guard,
        [s, request](grpc::ClientContext& context, Execution& out) {
            rv1::ApproveResponse response;
            auto status = s->Approve(&context, request, &response);
            out = response.execution();
            return status;
        },
        std::move(done));
}

void ReviewApi::requestChanges(const rv1::RequestChangesRequest& request, QObject* guard,
                               Reply<Execution> done)
{
    auto s = serviceFor(m_internals);
    CallSupport::unary<Execution>(
        m_internals, guard,
        [s, request](grpc::ClientContext& context, Execution& out) {
            rv1::RequestChangesResponse response;
            auto status = s->RequestChanges(&context, request, &response);
            out = response.execution();
            return status;
        },
        std::move(done));
}

void ReviewApi::reject(const rv1::RejectRequest& request, QObject* guard, Reply<Execution> done)
{
    auto s = serviceFor(m_internals);
    CallSupport::unary<Execution>(
        m_internals, guard,
        [s, request](grpc::ClientContext& context, Execution& out) {
            rv1::RejectResponse response;
            auto status = s->Reject(&context, request, &response);
            out = response.execution();
            return status;
        },
        std::move(done));
}

} // namespace builder::client
