#pragma once

namespace builder::api {

class RpcRegistry;

// The AdminService methods (kill switch, audit) that the contract defines and a
// later issue implements. They are registered so that authentication and roles
// apply to them today, and answer UNIMPLEMENTED with a clear message.
class PendingRpc
{
public:
    static void registerAll(RpcRegistry& registry);
};

} // namespace builder::api
