#include "AnalysisRpc.h"

#include "ResultInto.h"
#include "RpcRegistry.h"
#include "core/LocalizeManager.h"

namespace builder::api {

namespace av1 = feature::analysis::v1;

void AnalysisRpc::registerAll(RpcRegistry& registry, core::LocalizeManager& localize)
{
    auto* l = &localize;
    registry.addUnary<av1::LocalizeRequest, av1::LocalizeResponse>(
        "feature.analysis.v1.AnalysisService/Localize", RpcRegistry::allRoles(),
        [l](const RpcContext&, const auto& req, auto& resp) {
            return resultInto(l->localize(req), &resp);
        });
}

} // namespace builder::api
