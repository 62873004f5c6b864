#include "AnalysisApi.h"

#include "CallSupport.h"
#include "feature/analysis/v1/analysis.grpc.pb.h"

namespace builder::client {

namespace av1 = feature::analysis::v1;

void AnalysisApi::localize(const av1::LocalizeRequest& request, QObject* guard,
                           Reply<av1::LocalizeResponse> done)
{
    std::shared_ptr<av1::AnalysisService::Stub> service =
        av1::AnalysisService::NewStub(m_internals.channel());
    CallSupport::unary<av1::LocalizeResponse>(
        m_internals, guard,
        [service, request](grpc::ClientContext& context, av1::LocalizeResponse& out) {
            return service->Localize(&context, request, &out);
        },
        std::move(done));
}

} // namespace builder::client
