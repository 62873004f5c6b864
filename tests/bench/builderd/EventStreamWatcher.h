#pragma once

#include "feature/feature/v1/feature.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>

namespace builder::bench {

// Counters shared by a group of watchers, with a bounded wait on them.
class WatchGroup
{
public:
    void streamReady();
    void eventSeen();
    void streamDone(bool unexpected);

    // Waits until `ready`, `seen` and `done` reach at least the given numbers.
    bool waitFor(int ready, int seen, int done, std::chrono::milliseconds timeout);
    int ready() const;
    int seen() const;
    int unexpectedEnds() const;

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    int m_ready = 0;
    int m_seen = 0;
    int m_done = 0;
    int m_unexpected = 0;
};

// One ListEvents stream read through the callback API, waiting for one event
// type. Records when that event arrived (wall clock, to compare with the
// event's server timestamp, and steady clock, to compare with when the request
// that caused it was sent). Ready once the first replayed event arrived: by
// then the server has subscribed the stream to live events.
class EventStreamWatcher : public grpc::ClientReadReactor<feature::feature::v1::ListEventsResponse>
{
public:
    EventStreamWatcher(WatchGroup& group, std::string executionId, std::string awaitedType);

    void start(feature::feature::v1::FeatureService::Stub& stub, const std::string& token);
    void cancel() { m_context.TryCancel(); }

    void OnReadDone(bool ok) override;
    void OnDone(const grpc::Status& status) override;

    const std::string& executionId() const { return m_executionId; }
    bool seen() const { return m_seen; }
    // Receipt wall-clock time minus the event's timestamp, in ms.
    double timestampLatencyMs() const { return m_timestampLatencyMs; }
    std::chrono::steady_clock::time_point receivedAt() const { return m_receivedAt; }
    bool gapSeen() const { return m_gap; }
    const std::string& failure() const { return m_failure; }

private:
    WatchGroup& m_group;
    std::string m_executionId;
    std::string m_awaitedType;
    grpc::ClientContext m_context;
    feature::feature::v1::ListEventsRequest m_request;
    feature::feature::v1::ListEventsResponse m_response;
    std::uint64_t m_lastSequence = 0;
    bool m_ready = false;
    bool m_seen = false;
    bool m_gap = false;
    double m_timestampLatencyMs = 0;
    std::chrono::steady_clock::time_point m_receivedAt;
    std::string m_failure;
};

} // namespace builder::bench
