#include "GrpcEventSource.h"

#include "GrpcEventStream.h"

namespace builder::ctl {

GrpcEventSource::GrpcEventSource(Session& session, feature::feature::v1::ListEventsRequest request,
                                 bool follow)
    : m_session(session), m_request(std::move(request)), m_follow(follow)
{}

std::unique_ptr<EventStream> GrpcEventSource::open(std::uint64_t afterSequence)
{
    m_request.set_after_sequence(afterSequence);
    return std::make_unique<GrpcEventStream>(m_session, m_request, m_follow);
}

} // namespace builder::ctl
