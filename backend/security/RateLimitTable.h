#pragma once

#include "RateLimiter.h"

#include <map>
#include <shared_mutex>
#include <string>

namespace builder::security {

// Maps an RPC method to its rate-limit bucket and limit (API contract defaults + overrides).
class RateLimitTable
{
public:
    struct Entry
    {
        std::string bucket;
        RateLimiter::Limit limit;

        bool operator==(const Entry&) const = default;
    };

    // The shared bucket of every RepositoryService method without a limit of its own.
    static constexpr const char* kRepositoryWildcard = "Repository.*";
    static constexpr RateLimiter::Limit kDefaultLimit{100, std::chrono::seconds{60}};

    // Contract defaults: Feature.Create 10, Feature.Get 100, Feature.Search 20,
    // Repository.Register 10, Repository.* 100 per minute; anything else 100 per
    // minute in a bucket of its own.
    RateLimitTable();

    // fullMethod is "feature.feature.v1.FeatureService/Create" (a leading '/' as
    // gRPC reports it is accepted). Buckets are "<Service>.<Method>" with the
    // "Service" suffix dropped, e.g. "Feature.Create", "Review.Approve".
    Entry lookup(const std::string& fullMethod) const;

    // key is a bucket ("Feature.Create", "Repository.*") or a method in either
    // spelling. A RepositoryService method given its own limit leaves the shared
    // "Repository.*" bucket and is counted separately.
    void setLimit(const std::string& bucketOrMethod, RateLimiter::Limit limit);

    // The limit of methods the contract does not list.
    void setDefaultLimit(RateLimiter::Limit limit);

    // "feature.feature.v1.FeatureService/Create" -> "Feature.Create"; a name that
    // is not a full method name is returned unchanged.
    static std::string bucketName(const std::string& fullMethod);

private:
    mutable std::shared_mutex m_mutex;
    std::map<std::string, RateLimiter::Limit, std::less<>> m_limits;
    RateLimiter::Limit m_defaultLimit = kDefaultLimit;
};

} // namespace builder::security
