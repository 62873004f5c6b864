#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace builder::security {

// Fixed-window request counters per (principal, bucket); thread-safe.
class RateLimiter
{
public:
    struct Limit
    {
        int requests = 100; // <= 0 refuses every request
        std::chrono::seconds window{60};

        bool operator==(const Limit&) const = default;
    };

    struct Decision
    {
        bool allowed = true;
        int limit = 0;
        int remaining = 0;
        std::int64_t resetEpochSeconds = 0; // end of the current window
    };

    // How often (in the callers' clock) windows that have ended are dropped.
    static constexpr std::chrono::seconds kPurgeInterval{60};

    // Counts one request if it fits. Windows are aligned to the Unix epoch, so a
    // one-minute window resets on the minute, the same for every principal.
    Decision check(const std::string& principal, const std::string& bucket, const Limit& limit,
                   std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

    // Disabled: every request is allowed and reported with remaining == limit.
    void setEnabled(bool enabled) { m_enabled.store(enabled, std::memory_order_relaxed); }
    bool isEnabled() const { return m_enabled.load(std::memory_order_relaxed); }

    // Live counters, for tests and metrics.
    std::size_t trackedCount() const;

private:
    struct Window
    {
        std::int64_t start = 0;
        std::int64_t end = 0;
        int count = 0;
    };

    void purgeLocked(std::int64_t nowSeconds);

    std::atomic<bool> m_enabled{true};
    mutable std::mutex m_mutex;
    std::unordered_map<std::string, Window> m_windows;
    std::int64_t m_nextPurge = 0;
};

} // namespace builder::security
