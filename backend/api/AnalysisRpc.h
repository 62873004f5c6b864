#pragma once

namespace builder::core {
class LocalizeManager;
}

namespace builder::api {

class RpcRegistry;

// feature.analysis.v1.AnalysisService: the localization preview.
class AnalysisRpc
{
public:
    static void registerAll(RpcRegistry& registry, core::LocalizeManager& localize);
};

} // namespace builder::api
