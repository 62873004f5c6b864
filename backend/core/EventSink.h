#pragma once

#include "common/Error.h"
#include "store/EventStore.h"

#include <vector>

namespace builder::core {

// Where an EventFeed delivers: a gRPC stream, a Connect stream or a WebSocket.
// Implementations queue and return at once; they never block the caller.
class EventSink
{
public:
    virtual ~EventSink() = default;
    // Events in sequence order, already filtered by type, each serialized as
    // a feature.feature.v1.FeatureEvent (encoded once, however it is sent).
    virtual void push(std::vector<store::EventStore::EncodedEvent> events) = 0;
    // True while the sink has more queued than it wants; the feed pauses
    // reading history until the sink calls EventFeed::resume().
    virtual bool congested() const = 0;
    // The feed cannot continue (e.g. the store failed); the stream ends with it.
    virtual void fail(const common::Error& error) = 0;
};

} // namespace builder::core
