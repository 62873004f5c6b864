#pragma once

#include "EventStream.h"
#include "Interrupt.h"
#include "feature/feature/v1/feature.grpc.pb.h"

#include <grpcpp/client_context.h>
#include <grpcpp/completion_queue.h>

#include <memory>

namespace builder::ctl {

class Session;

// A ListEvents call on the async API: a blocking Read() cannot time out, but
// replay mode needs to stop after a moment of silence.
class GrpcEventStream final : public EventStream
{
public:
    // With `waitForReady` the call waits for builderd to come back instead of failing
    // at once, and its polling drives the reconnect.
    GrpcEventStream(Session& session, const feature::feature::v1::ListEventsRequest& request,
                    bool waitForReady);
    ~GrpcEventStream() override;
    GrpcEventStream(const GrpcEventStream&) = delete;
    GrpcEventStream& operator=(const GrpcEventStream&) = delete;

    ReadResult read(feature::feature::v1::FeatureEvent& event,
                    std::optional<std::chrono::milliseconds> idle) override;
    grpc::Status status() const override { return m_status; }

private:
    // Waits for `tag`; false on timeout (the operation then stays pending).
    bool await(void* tag, std::optional<std::chrono::milliseconds> timeout, bool& ok);
    void finish();

    grpc::ClientContext m_context;
    grpc::CompletionQueue m_queue;
    std::unique_ptr<grpc::ClientAsyncReader<feature::feature::v1::ListEventsResponse>> m_reader;
    feature::feature::v1::ListEventsResponse m_response;
    grpc::Status m_status;
    bool m_readPending = false;
    bool m_finished = false;
    std::unique_ptr<Interrupt::Guard> m_interruptGuard;
};

} // namespace builder::ctl
