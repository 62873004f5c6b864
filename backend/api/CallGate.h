#pragma once

#include "RpcRegistry.h"
#include "RpcStream.h"
#include "common/Result.h"
#include "security/RateLimitTable.h"
#include "security/RateLimiter.h"
#include "security/TokenService.h"

#include <string>

namespace builder::api {

// The door every call passes, whatever the transport: bearer token verified,
// role checked against the method's roles, rate limit counted. The rate-limit
// headers are reported for refused calls too.
class CallGate
{
public:
    CallGate(const security::TokenService& tokens, security::RateLimiter& limiter,
             security::RateLimitTable& table)
        : m_tokens(tokens), m_limiter(limiter), m_table(table)
    {}

    // `authorization` is the raw Authorization header / metadata value.
    // `headers` receives x-ratelimit-limit, -remaining and -reset once the
    // caller is known.
    common::Result<RpcContext> admit(const RpcRegistry::Method& method,
                                     const std::string& authorization, Trailers* headers) const;

    // Verifies a bearer token alone (for the WebSocket feed).
    common::Result<security::Principal> authenticate(const std::string& authorization) const;

private:
    const security::TokenService& m_tokens;
    security::RateLimiter& m_limiter;
    security::RateLimitTable& m_table;
};

} // namespace builder::api
