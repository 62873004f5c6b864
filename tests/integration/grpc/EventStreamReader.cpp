#include "EventStreamReader.h"

#include "support/GrpcTestClient.h"

#include <chrono>

namespace builder::itest {

namespace fv1 = feature::feature::v1;

EventStreamReader::EventStreamReader(fv1::FeatureService::Stub& stub, const QString& token,
                                     fv1::ListEventsRequest request, int deadlineMs)
    : m_context(testing::GrpcTestClient::context(token, deadlineMs))
{
    m_thread = std::thread(
        [this, &stub, request = std::move(request)]() mutable { run(stub, std::move(request)); });
}

EventStreamReader::~EventStreamReader()
{
    close();
}

void EventStreamReader::run(fv1::FeatureService::Stub& stub, fv1::ListEventsRequest request)
{
    auto reader = stub.ListEvents(m_context.get(), request);
    fv1::ListEventsResponse response;
    while (reader->Read(&response)) {
        std::lock_guard lock(m_mutex);
        m_events.push_back(response.event());
        m_changed.notify_all();
    }
    auto status = reader->Finish();
    std::lock_guard lock(m_mutex);
    m_status = status;
    m_finished = true;
    m_changed.notify_all();
}

std::vector<fv1::FeatureEvent> EventStreamReader::events() const
{
    std::lock_guard lock(m_mutex);
    return m_events;
}

std::size_t EventStreamReader::count() const
{
    std::lock_guard lock(m_mutex);
    return m_events.size();
}

bool EventStreamReader::waitForCount(std::size_t n, int timeoutMs)
{
    std::unique_lock lock(m_mutex);
    return m_changed.wait_for(lock, std::chrono::milliseconds(timeoutMs), [&] {
        return m_events.size() >= n || m_finished;
    }) && m_events.size() >= n;
}

bool EventStreamReader::waitFinished(int timeoutMs)
{
    std::unique_lock lock(m_mutex);
    return m_changed.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                              [&] { return m_finished; });
}

bool EventStreamReader::finished() const
{
    std::lock_guard lock(m_mutex);
    return m_finished;
}

grpc::Status EventStreamReader::status() const
{
    std::lock_guard lock(m_mutex);
    return m_status;
}

grpc::Status EventStreamReader::close()
{
    if (m_thread.joinable()) {
        m_context->TryCancel();
        m_thread.join();
    }
    return status();
}

} // namespace builder::itest
