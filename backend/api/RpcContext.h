#pragma once

#include "security/Role.h"

#include <string>

namespace builder::api {

// Who is calling which method, as established by the CallGate.
struct RpcContext
{
    security::Principal principal;
    std::string method; // "feature.feature.v1.FeatureService/Create"
};

} // namespace builder::api
