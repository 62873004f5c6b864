#include "RateLimitTable.h"

#include <mutex>

namespace builder::security {

namespace {

constexpr std::chrono::seconds kMinute{60};
constexpr std::string_view kRepositoryPrefix = "Repository.";

} // namespace

RateLimitTable::RateLimitTable()
    : m_limits{
          {"Feature.Create", {10, kMinute}},     {"Feature.Get", {100, kMinute}},
          {"Feature.Search", {20, kMinute}},     {"Repository.Register", {10, kMinute}},
          {kRepositoryWildcard, {100, kMinute}},
      }
{}

std::string RateLimitTable::bucketName(const std::string& fullMethod)
{
    std::string_view name = fullMethod;
    if (name.starts_with('/'))
        name.remove_prefix(1);
    const auto slash = name.find('/');
    if (slash == std::string_view::npos || slash == 0 || slash + 1 == name.size())
        return fullMethod;
    std::string_view service = name.substr(0, slash);
    const std::string_view method = name.substr(slash + 1);
    if (const auto dot = service.rfind('.'); dot != std::string_view::npos)
        service.remove_prefix(dot + 1);
    if (service.size() > 7 && service.ends_with("Service"))
        service.remove_suffix(7);
    std::string bucket(service);
    bucket += '.';
    bucket += method;
    return bucket;
}

RateLimitTable::Entry RateLimitTable::lookup(const std::string& fullMethod) const
{
    Entry entry{bucketName(fullMethod), {}};
    const std::shared_lock lock(m_mutex);
    if (const auto own = m_limits.find(entry.bucket); own != m_limits.end()) {
        entry.limit = own->second;
        return entry;
    }
    if (entry.bucket.starts_with(kRepositoryPrefix)) {
        entry.bucket = kRepositoryWildcard;
        entry.limit = m_limits.at(kRepositoryWildcard);
        return entry;
    }
    entry.limit = m_defaultLimit;
    return entry;
}

void RateLimitTable::setLimit(const std::string& bucketOrMethod, RateLimiter::Limit limit)
{
    const std::string bucket = bucketName(bucketOrMethod);
    const std::unique_lock lock(m_mutex);
    m_limits[bucket] = limit;
}

void RateLimitTable::setDefaultLimit(RateLimiter::Limit limit)
{
    const std::unique_lock lock(m_mutex);
    m_defaultLimit = limit;
}

} // namespace builder::security
