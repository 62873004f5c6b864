#pragma once

#include "feature/feature/v1/feature.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QString>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace builder::itest {

// One ListEvents call read on its own thread, so a test can keep the stream
// open while it acts, then wait (bounded) for what the stream receives.
class EventStreamReader
{
public:
    EventStreamReader(feature::feature::v1::FeatureService::Stub& stub, const QString& token,
                      feature::feature::v1::ListEventsRequest request, int deadlineMs = 60000);
    ~EventStreamReader();

    EventStreamReader(const EventStreamReader&) = delete;
    EventStreamReader& operator=(const EventStreamReader&) = delete;

    std::vector<feature::feature::v1::FeatureEvent> events() const;
    std::size_t count() const;
    // True once at least `n` events arrived within `timeoutMs`.
    bool waitForCount(std::size_t n, int timeoutMs);
    // True once the server ended the call within `timeoutMs`.
    bool waitFinished(int timeoutMs);
    bool finished() const;
    // The call's final status; meaningful once finished().
    grpc::Status status() const;
    // Cancels the call if still open, joins the reader thread, returns the status.
    grpc::Status close();

private:
    void run(feature::feature::v1::FeatureService::Stub& stub,
             feature::feature::v1::ListEventsRequest request);

    std::unique_ptr<grpc::ClientContext> m_context;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<feature::feature::v1::FeatureEvent> m_events;
    bool m_finished = false;
    grpc::Status m_status;
    std::thread m_thread;
};

} // namespace builder::itest
