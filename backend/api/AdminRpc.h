#pragma once

namespace builder::core {
class TokenManager;
}

namespace builder::api {

class RpcRegistry;

// feature.admin.v1.AdminService, the parts served today: API tokens.
class AdminRpc
{
public:
    static void registerAll(RpcRegistry& registry, core::TokenManager& tokens);
};

} // namespace builder::api
