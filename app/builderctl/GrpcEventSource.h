#pragma once

#include "EventSource.h"
#include "feature/feature/v1/feature.pb.h"

namespace builder::ctl {

class Session;

// Opens ListEvents calls on the session's channel with a fixed request, only
// after_sequence changing between reconnects.
class GrpcEventSource final : public EventSource
{
public:
    // `follow`: reopened calls wait for builderd rather than fail while it restarts.
    GrpcEventSource(Session& session, feature::feature::v1::ListEventsRequest request, bool follow);
    std::unique_ptr<EventStream> open(std::uint64_t afterSequence) override;

private:
    Session& m_session;
    feature::feature::v1::ListEventsRequest m_request;
    bool m_follow;
};

} // namespace builder::ctl
