#include "StreamEventSink.h"

namespace builder::api {

void StreamEventSink::push(std::vector<feature::feature::v1::FeatureEvent> events)
{
    feature::feature::v1::ListEventsResponse response;
    for (auto& event : events) {
        response.mutable_event()->Swap(&event);
        m_stream->sendTaking(response);
    }
}

} // namespace builder::api
