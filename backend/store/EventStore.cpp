#include "EventStore.h"

#include "Connection.h"
#include "StoreError.h"
#include "Timestamps.h"
#include "common/Uuid.h"

#include <google/protobuf/io/coded_stream.h>

#include <algorithm>

namespace builder::store {

namespace fv1 = feature::feature::v1;

namespace {

using google::protobuf::io::CodedOutputStream;

// The payload is FeatureEvent's last field, so appending it after the other
// fields keeps the canonical field order of a serialized FeatureEvent.
static_assert(fv1::FeatureEvent::kPayloadFieldNumber > fv1::FeatureEvent::kSummaryFieldNumber &&
              fv1::FeatureEvent::kPayloadFieldNumber > fv1::FeatureEvent::kTimestampFieldNumber);

// `head` (every field but the payload) followed by the payload field holding
// `payload`, an already serialized google.protobuf.Struct.
void encodeInto(const fv1::FeatureEvent& head, std::string_view payload, std::string& out)
{
    constexpr std::uint32_t kLengthDelimited = 2;
    const std::uint32_t tag = (fv1::FeatureEvent::kPayloadFieldNumber << 3) | kLengthDelimited;
    const auto length = static_cast<std::uint32_t>(payload.size());
    const auto headSize = head.ByteSizeLong();
    out.resize(headSize + CodedOutputStream::VarintSize32(tag) +
               CodedOutputStream::VarintSize32(length) + payload.size());
    auto* target = reinterpret_cast<std::uint8_t*>(out.data());
    target = head.SerializeWithCachedSizesToArray(target);
    target = CodedOutputStream::WriteVarint32ToArray(tag, target);
    target = CodedOutputStream::WriteVarint32ToArray(length, target);
    std::copy(payload.begin(), payload.end(), target);
}

} // namespace

fv1::FeatureEvent EventStore::append(Connection& c, const std::string& executionId,
                                     const std::string& type, const std::string& summary,
                                     const google::protobuf::Struct& payload, std::int64_t atMillis)
{
    auto bump = c.prepare("UPDATE executions SET last_event_seq = last_event_seq + 1 WHERE id = ? "
                          "RETURNING last_event_seq");
    bump.bind(1, executionId);
    if (!bump.step())
        throw StoreError(0, "event for unknown execution " + executionId);
    const auto seq = static_cast<std::uint64_t>(bump.int64(0));
    bump.run();

    fv1::FeatureEvent event;
    event.set_id(common::Uuid::generateV4());
    event.set_type(type);
    event.set_sequence_number(seq);
    Timestamps::fromMillis(atMillis, event.mutable_timestamp());
    event.set_summary(summary);
    *event.mutable_payload() = payload;

    auto insert = c.prepare("INSERT INTO events (execution_id, seq, id, type, created_at, summary, "
                            "payload) VALUES (?,?,?,?,?,?,?)");
    insert.bind(1, executionId)
        .bind(2, static_cast<std::int64_t>(seq))
        .bind(3, event.id())
        .bind(4, type)
        .bind(5, atMillis)
        .bind(6, summary)
        .bindBlob(7, payload.SerializeAsString());
    insert.run();
    return event;
}

std::vector<fv1::FeatureEvent> EventStore::list(Connection& c, const std::string& executionId,
                                                std::uint64_t afterSeq, int limit)
{
    auto s = c.prepare("SELECT seq, id, type, created_at, summary, payload FROM events "
                       "WHERE execution_id = ? AND seq > ? ORDER BY seq LIMIT ?");
    s.bind(1, executionId).bind(2, static_cast<std::int64_t>(afterSeq)).bind(3, limit);
    std::vector<fv1::FeatureEvent> out;
    while (s.step()) {
        auto& event = out.emplace_back();
        event.set_sequence_number(static_cast<std::uint64_t>(s.int64(0)));
        event.set_id(s.text(1));
        event.set_type(s.text(2));
        Timestamps::fromMillis(s.int64(3), event.mutable_timestamp());
        event.set_summary(s.text(4));
        event.mutable_payload()->ParseFromString(s.blob(5));
    }
    return out;
}

std::vector<EventStore::EncodedEvent> EventStore::listEncoded(Connection& c,
                                                              const std::string& executionId,
                                                              std::uint64_t afterSeq, int limit)
{
    auto s = c.prepare("SELECT seq, id, type, created_at, summary, payload FROM events "
                       "WHERE execution_id = ? AND seq > ? ORDER BY seq LIMIT ?");
    s.bind(1, executionId).bind(2, static_cast<std::int64_t>(afterSeq)).bind(3, limit);
    std::vector<EncodedEvent> out;
    out.reserve(static_cast<std::size_t>(std::max(limit, 0)));
    fv1::FeatureEvent head; // reused: its strings keep their capacity from row to row
    while (s.step()) {
        auto& event = out.emplace_back();
        event.sequence = static_cast<std::uint64_t>(s.int64(0));
        event.type = s.text(2);
        head.set_sequence_number(event.sequence);
        head.set_id(s.text(1));
        head.set_type(event.type);
        Timestamps::fromMillis(s.int64(3), head.mutable_timestamp());
        head.set_summary(s.text(4));
        encodeInto(head, s.blob(5), event.bytes);
    }
    return out;
}

EventStore::EncodedEvent EventStore::encode(const fv1::FeatureEvent& event)
{
    return {event.sequence_number(), event.type(), event.SerializeAsString()};
}

std::uint64_t EventStore::lastSequence(Connection& c, const std::string& executionId)
{
    auto s = c.prepare("SELECT last_event_seq FROM executions WHERE id = ?");
    s.bind(1, executionId);
    return s.step() ? static_cast<std::uint64_t>(s.int64(0)) : 0;
}

} // namespace builder::store
