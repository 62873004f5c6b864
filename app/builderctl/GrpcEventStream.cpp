#include "GrpcEventStream.h"

#include "Session.h"

namespace builder::ctl {

namespace {

// Distinct addresses as completion-queue tags.
char kStartTag;
char kReadTag;
char kFinishTag;

void* tag(char& t)
{
    return &t;
}

} // namespace

GrpcEventStream::GrpcEventStream(Session& session,
                                 const feature::feature::v1::ListEventsRequest& request,
                                 bool waitForReady)
{
    session.prepare(m_context, false); // a live stream has no deadline
    m_context.set_wait_for_ready(waitForReady);
    m_interruptGuard = std::make_unique<Interrupt::Guard>([this] { m_context.TryCancel(); });
    m_reader = session.features().PrepareAsyncListEvents(&m_context, request, &m_queue);
    m_reader->StartCall(tag(kStartTag));
    bool ok = false;
    await(tag(kStartTag), std::nullopt, ok);
    if (!ok)
        finish();
}

GrpcEventStream::~GrpcEventStream()
{
    if (!m_finished) {
        m_context.TryCancel();
        bool ok = false;
        if (m_readPending)
            await(tag(kReadTag), std::nullopt, ok);
        finish();
    }
    m_interruptGuard.reset();
    m_queue.Shutdown();
    void* ignoredTag = nullptr;
    bool ignoredOk = false;
    while (m_queue.Next(&ignoredTag, &ignoredOk)) {
    }
}

bool GrpcEventStream::await(void* wanted, std::optional<std::chrono::milliseconds> timeout,
                            bool& ok)
{
    const auto deadline = timeout ? std::chrono::system_clock::now() + *timeout
                                  : std::chrono::system_clock::time_point::max();
    for (;;) {
        void* got = nullptr;
        const auto result = timeout ? m_queue.AsyncNext(&got, &ok, deadline)
                                    : (m_queue.Next(&got, &ok) ? grpc::CompletionQueue::GOT_EVENT
                                                               : grpc::CompletionQueue::SHUTDOWN);
        if (result == grpc::CompletionQueue::TIMEOUT)
            return false;
        if (result == grpc::CompletionQueue::SHUTDOWN) {
            ok = false;
            return true;
        }
        if (got == wanted)
            return true;
    }
}

void GrpcEventStream::finish()
{
    if (m_finished)
        return;
    m_readPending = false;
    m_reader->Finish(&m_status, tag(kFinishTag));
    bool ok = false;
    await(tag(kFinishTag), std::nullopt, ok);
    m_finished = true;
}

EventStream::ReadResult GrpcEventStream::read(feature::feature::v1::FeatureEvent& event,
                                              std::optional<std::chrono::milliseconds> idle)
{
    if (m_finished)
        return ReadResult::Ended;
    if (!m_readPending) {
        m_reader->Read(&m_response, tag(kReadTag));
        m_readPending = true;
    }
    bool ok = false;
    if (!await(tag(kReadTag), idle, ok))
        return ReadResult::IdleTimeout;
    m_readPending = false;
    if (!ok) {
        finish();
        return ReadResult::Ended;
    }
    event = m_response.event();
    return ReadResult::Event;
}

} // namespace builder::ctl
