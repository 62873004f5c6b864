#pragma once

namespace builder::core {
class DeadLetterManager;
class TokenManager;
} // namespace builder::core

namespace builder::api {

class RpcRegistry;

// feature.admin.v1.AdminService: API tokens and the dead-letter queue.
class AdminRpc
{
public:
    static void registerAll(RpcRegistry& registry, core::TokenManager& tokens,
                            core::DeadLetterManager& deadLetters);
};

} // namespace builder::api
