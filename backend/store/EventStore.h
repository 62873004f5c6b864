#pragma once

#include "feature/feature/v1/feature.pb.h"

#include <cstdint>
#include <string>
#include <vector>

namespace builder::store {

class Connection;

// The append-only event log of each execution. Sequence numbers are assigned
// inside the caller's write transaction from executions.last_event_seq, so they
// are contiguous per execution whatever else happens.
class EventStore
{
public:
    // One stored event serialized as a feature.feature.v1.FeatureEvent, with
    // the two fields a feed routes by.
    struct EncodedEvent
    {
        std::uint64_t sequence = 0;
        std::string type;
        std::string bytes;
    };

    // Appends one event (id, sequence number and timestamp are filled in) and
    // returns it as stored.
    static feature::feature::v1::FeatureEvent append(Connection& c, const std::string& executionId,
                                                     const std::string& type,
                                                     const std::string& summary,
                                                     const google::protobuf::Struct& payload,
                                                     std::int64_t atMillis);
    // Events with sequence > afterSeq, in order, at most `limit`.
    static std::vector<feature::feature::v1::FeatureEvent>
    list(Connection& c, const std::string& executionId, std::uint64_t afterSeq, int limit);
    // The same events as list(), already serialized: the stored payload bytes
    // go out as they are instead of being parsed and encoded again.
    static std::vector<EncodedEvent> listEncoded(Connection& c, const std::string& executionId,
                                                 std::uint64_t afterSeq, int limit);
    // `event` serialized, for events that did not come from listEncoded().
    static EncodedEvent encode(const feature::feature::v1::FeatureEvent& event);
    static std::uint64_t lastSequence(Connection& c, const std::string& executionId);
};

} // namespace builder::store
