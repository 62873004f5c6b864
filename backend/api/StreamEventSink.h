#pragma once

#include "RpcStream.h"
#include "core/EventSink.h"

#include <memory>

namespace builder::api {

// Adapts an RpcStream to the EventFeed's sink: each event becomes one
// ListEventsResponse, handed over serialized so that a gRPC stream writes the
// stored bytes without decoding them.
class StreamEventSink : public core::EventSink
{
public:
    explicit StreamEventSink(std::shared_ptr<RpcStream> stream) : m_stream(std::move(stream)) {}

    void push(std::vector<store::EventStore::EncodedEvent> events) override;
    bool congested() const override { return m_stream->congested(); }
    void fail(const common::Error& error) override { m_stream->finish(error); }

private:
    std::shared_ptr<RpcStream> m_stream;
};

} // namespace builder::api
