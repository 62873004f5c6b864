#include "RateLimiter.h"

#include <algorithm>

namespace builder::security {

namespace {

std::int64_t floorDiv(std::int64_t value, std::int64_t divisor)
{
    const std::int64_t quotient = value / divisor;
    return (value % divisor != 0 && value < 0) ? quotient - 1 : quotient;
}

} // namespace

RateLimiter::Decision RateLimiter::check(const std::string& principal, const std::string& bucket,
                                         const Limit& limit,
                                         std::chrono::system_clock::time_point now)
{
    const std::int64_t windowSeconds = std::max<std::int64_t>(1, limit.window.count());
    const std::int64_t nowSeconds =
        std::chrono::floor<std::chrono::seconds>(now.time_since_epoch()).count();
    const std::int64_t start = floorDiv(nowSeconds, windowSeconds) * windowSeconds;

    Decision decision;
    decision.limit = std::max(0, limit.requests);
    decision.resetEpochSeconds = start + windowSeconds;
    if (!isEnabled()) {
        decision.remaining = decision.limit;
        return decision;
    }
    if (limit.requests <= 0) {
        decision.allowed = false;
        return decision;
    }

    // Length-prefixed so ("ab", "c") and ("a", "bc") can never share a counter.
    std::string key;
    key.reserve(principal.size() + bucket.size() + 8);
    key += std::to_string(principal.size());
    key += ':';
    key += principal;
    key += bucket;

    const std::lock_guard lock(m_mutex);
    if (nowSeconds >= m_nextPurge)
        purgeLocked(nowSeconds);
    Window& window = m_windows.try_emplace(std::move(key)).first->second;
    if (window.start != start || window.end != decision.resetEpochSeconds)
        window = Window{start, decision.resetEpochSeconds, 0};
    if (window.count < limit.requests) {
        ++window.count;
        decision.remaining = limit.requests - window.count;
    } else {
        decision.allowed = false;
        decision.remaining = 0;
    }
    return decision;
}

std::size_t RateLimiter::trackedCount() const
{
    const std::lock_guard lock(m_mutex);
    return m_windows.size();
}

void RateLimiter::purgeLocked(std::int64_t nowSeconds)
{
    // Amortised: one sweep per interval keeps memory proportional to the
    // principals active in the last window, not to everyone ever seen.
    std::erase_if(m_windows,
                  [nowSeconds](const auto& entry) { return entry.second.end <= nowSeconds; });
    m_nextPurge = nowSeconds + kPurgeInterval.count();
}

} // namespace builder::security
