#pragma once

#include "EventSource.h"

#include <grpcpp/support/status.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace builder::ctl {

// Reads an execution's event log.
// Replay (no follow): the stream stays open after the backlog, so reading ends
// once no event arrived for kReplayIdle.
// Follow: reads until a terminal event; after a drop it reopens with
// after_sequence = the last sequence seen and skips anything at or below it,
// so there is no gap and no duplicate.
class EventFollower
{
public:
    static constexpr std::chrono::milliseconds kReplayIdle{500};
    static constexpr std::chrono::milliseconds kInitialBackoff{250};
    static constexpr std::chrono::milliseconds kMaxBackoff{10'000};

    using Sink = std::function<void(const feature::feature::v1::FeatureEvent&)>;
    // Sleeps between reconnects; returns false when interrupted.
    using Wait = std::function<bool(std::chrono::milliseconds)>;
    // One line of diagnostics (for stderr).
    using Notice = std::function<void(const std::string&)>;

    EventFollower(EventSource& source, bool follow, std::uint64_t afterSequence, Sink sink,
                  Wait wait, Notice notice);

    // Types the caller asked the server for only to see the end; not passed to the sink.
    void setHiddenTypes(std::set<std::string> types) { m_hidden = std::move(types); }
    // Ends a replay by this time even if events keep coming faster than kReplayIdle
    // (a busy execution never goes quiet).
    void setReplayDeadline(std::chrono::steady_clock::time_point deadline)
    {
        m_replayDeadline = deadline;
    }

    grpc::Status run();

    // The last sequence received (the starting point when none was).
    std::uint64_t lastSequence() const;
    // The terminal event type that ended a follow; empty otherwise.
    const std::string& terminalType() const { return m_terminalType; }
    int reconnects() const { return m_reconnects; }

    static const std::vector<std::string>& terminalTypes();
    static bool isTerminal(const std::string& type);
    // Drops worth reconnecting after; anything else will fail again the same way.
    static bool isRetryable(grpc::StatusCode code);
    static std::chrono::milliseconds backoff(int attempt);

private:
    EventSource& m_source;
    bool m_follow;
    std::uint64_t m_after;
    std::optional<std::uint64_t> m_lastSeen;
    Sink m_sink;
    Wait m_wait;
    Notice m_notice;
    std::set<std::string> m_hidden;
    std::optional<std::chrono::steady_clock::time_point> m_replayDeadline;
    std::string m_terminalType;
    int m_reconnects = 0;
};

} // namespace builder::ctl
