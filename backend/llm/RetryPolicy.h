#pragma once

#include <QByteArray>
#include <QDateTime>

#include <chrono>
#include <optional>

namespace builder::llm {

// When and how long to wait before asking a provider again: exponential backoff with jitter,
// unless the server said how long (Retry-After in seconds or as an HTTP-date, retry-after-ms).
struct RetryPolicy
{
    int maxAttempts = 4;
    std::chrono::milliseconds baseDelay{1000};
    std::chrono::milliseconds maxDelay{30000};
    // A server asking for a longer wait than this is not waited for: the call fails Unavailable
    // at once and the job queue, which owns long delays, retries later.
    std::chrono::seconds maxRetryAfter{60};

    // The wait after failed attempt `attempt` (1-based): a random value between half and all of
    // min(maxDelay, baseDelay * 2^(attempt-1)).
    std::chrono::milliseconds backoff(int attempt) const;

    // 408, 409, 429 and every 5xx (Anthropic's 529 "overloaded" included).
    static bool isRetryableStatus(int status);

    // The server's requested wait from Retry-After ("120" or "Wed, 21 Oct 2015 07:28:00 GMT",
    // relative to `now`) or retry-after-ms; nullopt when absent or unreadable. A date in the
    // past means "now" (zero).
    static std::optional<std::chrono::milliseconds>
    serverDelay(const QByteArray& retryAfter, const QByteArray& retryAfterMs, const QDateTime& now);
};

} // namespace builder::llm
