#pragma once

#include <memory>

namespace builder::store {
class Database;
}
namespace builder::core {
class EventBus;
class FeatureManager;
class WorkerPool;
} // namespace builder::core

namespace builder::api {

class RpcRegistry;

// feature.feature.v1.FeatureService: translates requests to FeatureManager
// calls and results back to responses.
class FeatureRpc
{
public:
    static void registerAll(RpcRegistry& registry, core::FeatureManager& features,
                            std::shared_ptr<store::Database> db, core::EventBus& bus,
                            core::WorkerPool& pool);
};

} // namespace builder::api
