#pragma once

namespace builder::core {
class RepositoryManager;
}

namespace builder::api {

class RpcRegistry;

// feature.repository.v1.RepositoryService: translation to RepositoryManager.
class RepositoryRpc
{
public:
    static void registerAll(RpcRegistry& registry, core::RepositoryManager& repositories);
};

} // namespace builder::api
