#include "EventFollower.h"

#include "ErrorPrinter.h"
#include "TextWidth.h"

#include <algorithm>

namespace builder::ctl {

EventFollower::EventFollower(EventSource& source, bool follow, std::uint64_t afterSequence,
                             Sink sink, Wait wait, Notice notice)
    : m_source(source), m_follow(follow), m_after(afterSequence), m_sink(std::move(sink)),
      m_wait(std::move(wait)), m_notice(std::move(notice))
{
    if (afterSequence > 0)
        m_lastSeen = afterSequence;
}

const std::vector<std::string>& EventFollower::terminalTypes()
{
    static const std::vector<std::string> kTypes = {"feature.completed", "feature.failed",
                                                    "feature.cancelled"};
    return kTypes;
}

bool EventFollower::isTerminal(const std::string& type)
{
    const auto& types = terminalTypes();
    return std::find(types.begin(), types.end(), type) != types.end();
}

bool EventFollower::isRetryable(grpc::StatusCode code)
{
    switch (code) {
    case grpc::StatusCode::UNAVAILABLE:
    case grpc::StatusCode::INTERNAL: // a reset HTTP/2 stream surfaces as INTERNAL
    case grpc::StatusCode::UNKNOWN:
    case grpc::StatusCode::DEADLINE_EXCEEDED:
    case grpc::StatusCode::ABORTED:
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
        return true;
    default:
        return false;
    }
}

std::chrono::milliseconds EventFollower::backoff(int attempt)
{
    auto delay = kInitialBackoff;
    for (int i = 0; i < attempt && delay < kMaxBackoff; ++i)
        delay *= 2;
    return std::min(delay, kMaxBackoff);
}

std::uint64_t EventFollower::lastSequence() const
{
    return m_lastSeen.value_or(m_after);
}

grpc::Status EventFollower::run()
{
    int attempt = 0;
    for (;;) {
        auto stream = m_source.open(lastSequence());
        feature::feature::v1::FeatureEvent event;
        const std::optional<std::chrono::milliseconds> idle =
            m_follow ? std::nullopt : std::optional(kReplayIdle);
        EventStream::ReadResult result;
        while ((result = stream->read(event, idle)) == EventStream::ReadResult::Event) {
            attempt = 0;
            if (m_lastSeen && event.sequence_number() <= *m_lastSeen)
                continue; // already delivered before a reconnect
            m_lastSeen = event.sequence_number();
            if (!m_hidden.count(event.type()))
                m_sink(event);
            if (m_follow && isTerminal(event.type())) {
                m_terminalType = event.type();
                return grpc::Status::OK;
            }
            if (!m_follow && m_replayDeadline &&
                std::chrono::steady_clock::now() >= *m_replayDeadline) {
                m_notice("events kept arriving; stopped after sequence " +
                         std::to_string(lastSequence()) + " (use --follow to keep streaming)");
                return grpc::Status::OK;
            }
        }
        if (result == EventStream::ReadResult::IdleTimeout)
            return grpc::Status::OK;

        const grpc::Status status = stream->status();
        stream.reset();
        if (!m_follow)
            return status;
        if (!status.ok() && !isRetryable(status.error_code()))
            return status;

        const auto delay = backoff(attempt++);
        std::string why = status.ok()
                              ? std::string("closed by the server")
                              : "dropped (" + ErrorPrinter::codeName(status.error_code()) + ": " +
                                    TextWidth::sanitize(status.error_message()) + ")";
        m_notice("event stream " + why + "; reconnecting after sequence " +
                 std::to_string(lastSequence()) + " in " + std::to_string(delay.count()) + " ms");
        if (!m_wait(delay))
            return {grpc::StatusCode::CANCELLED, "interrupted"};
        ++m_reconnects;
    }
}

} // namespace builder::ctl
