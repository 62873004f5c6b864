#include "EventStreamWatcher.h"

namespace builder::bench {

void WatchGroup::streamReady()
{
    std::lock_guard lock(m_mutex);
    ++m_ready;
    m_changed.notify_all();
}

void WatchGroup::eventSeen()
{
    std::lock_guard lock(m_mutex);
    ++m_seen;
    m_changed.notify_all();
}

void WatchGroup::streamDone(bool unexpected)
{
    std::lock_guard lock(m_mutex);
    ++m_done;
    if (unexpected)
        ++m_unexpected;
    m_changed.notify_all();
}

bool WatchGroup::waitFor(int ready, int seen, int done, std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_mutex);
    return m_changed.wait_for(lock, timeout,
                              [&] { return m_ready >= ready && m_seen >= seen && m_done >= done; });
}

int WatchGroup::ready() const
{
    std::lock_guard lock(m_mutex);
    return m_ready;
}

int WatchGroup::seen() const
{
    std::lock_guard lock(m_mutex);
    return m_seen;
}

int WatchGroup::unexpectedEnds() const
{
    std::lock_guard lock(m_mutex);
    return m_unexpected;
}

EventStreamWatcher::EventStreamWatcher(WatchGroup& group, std::string executionId,
                                       std::string awaitedType)
    : m_group(group), m_executionId(std::move(executionId)), m_awaitedType(std::move(awaitedType))
{}

void EventStreamWatcher::start(feature::feature::v1::FeatureService::Stub& stub,
                               const std::string& token)
{
    m_context.AddMetadata("authorization", "Bearer " + token);
    m_context.set_deadline(std::chrono::system_clock::now() + std::chrono::minutes(10));
    m_request.set_feature_execution_id(m_executionId);
    stub.async()->ListEvents(&m_context, &m_request, this);
    StartRead(&m_response);
    StartCall();
}

void EventStreamWatcher::OnReadDone(bool ok)
{
    if (!ok)
        return; // the stream ended; OnDone follows
    // Taken first: everything after this line is the client's own cost.
    const auto steadyNow = std::chrono::steady_clock::now();
    const auto wallNow = std::chrono::system_clock::now();
    const auto& event = m_response.event();
    if (event.sequence_number() != m_lastSequence + 1)
        m_gap = true;
    m_lastSequence = event.sequence_number();
    if (!m_seen && event.type() == m_awaitedType) {
        const double receivedMs =
            std::chrono::duration<double, std::milli>(wallNow.time_since_epoch()).count();
        const double stampedMs = static_cast<double>(event.timestamp().seconds()) * 1000.0 +
                                 static_cast<double>(event.timestamp().nanos()) / 1e6;
        m_timestampLatencyMs = receivedMs - stampedMs;
        m_receivedAt = steadyNow;
        m_seen = true;
        m_group.eventSeen();
    }
    if (!m_ready) {
        m_ready = true;
        m_group.streamReady();
    }
    StartRead(&m_response);
}

void EventStreamWatcher::OnDone(const grpc::Status& status)
{
    // The bench cancels every stream at the end; anything else ended it early.
    const bool unexpected = status.error_code() != grpc::StatusCode::CANCELLED;
    if (unexpected)
        m_failure = "ListEvents " + m_executionId + " ended: gRPC status " +
                    std::to_string(status.error_code()) + ": " + status.error_message();
    m_group.streamDone(unexpected);
}

} // namespace builder::bench
