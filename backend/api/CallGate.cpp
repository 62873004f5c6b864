#include "CallGate.h"

namespace builder::api {

using common::Error;

common::Result<security::Principal> CallGate::authenticate(const std::string& authorization) const
{
    static const std::string kBearer = "bearer ";
    if (authorization.empty())
        return Error::unauthenticated(
            "missing bearer token: send \"Authorization: Bearer <token>\"");
    if (authorization.size() <= kBearer.size())
        return Error::unauthenticated(
            "malformed Authorization header: expected \"Bearer <token>\"");
    std::string scheme = authorization.substr(0, kBearer.size());
    for (auto& ch : scheme)
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (scheme != kBearer)
        return Error::unauthenticated(
            "malformed Authorization header: expected \"Bearer <token>\"");
    return m_tokens.verify(std::string_view(authorization).substr(kBearer.size()));
}

common::Result<RpcContext> CallGate::admit(const RpcRegistry::Method& method,
                                           const std::string& authorization,
                                           Trailers* headers) const
{
    auto principal = authenticate(authorization);
    if (!principal.ok())
        return principal.error();
    if (!method.roles.contains(principal->role))
        return Error::permissionDenied(std::string("role ") + security::toString(principal->role) +
                                       " may not call " + method.fullName);
    const auto entry = m_table.lookup(method.fullName);
    const auto decision = m_limiter.check(principal->user, entry.bucket, entry.limit);
    if (headers) {
        headers->emplace_back("x-ratelimit-limit", std::to_string(decision.limit));
        headers->emplace_back("x-ratelimit-remaining", std::to_string(decision.remaining));
        headers->emplace_back("x-ratelimit-reset", std::to_string(decision.resetEpochSeconds));
    }
    if (!decision.allowed)
        return Error(common::StatusCode::ResourceExhausted,
                     "rate limit of " + std::to_string(decision.limit) + " requests per " +
                         std::to_string(entry.limit.window.count()) + " s exceeded for " +
                         entry.bucket + "; retry after " +
                         std::to_string(decision.resetEpochSeconds) + " (Unix time)");
    return RpcContext{principal.value(), method.fullName};
}

} // namespace builder::api
