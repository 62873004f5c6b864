#include "StreamEventSink.h"

#include <google/protobuf/io/coded_stream.h>

#include <algorithm>

namespace builder::api {

namespace fv1 = feature::feature::v1;

namespace {

// The bytes of a ListEventsResponse whose `event` is `event` (serialized).
std::string wrap(const std::string& event)
{
    using google::protobuf::io::CodedOutputStream;
    constexpr std::uint32_t kLengthDelimited = 2;
    const std::uint32_t tag = (fv1::ListEventsResponse::kEventFieldNumber << 3) | kLengthDelimited;
    const auto length = static_cast<std::uint32_t>(event.size());
    std::string out;
    out.resize(CodedOutputStream::VarintSize32(tag) + CodedOutputStream::VarintSize32(length) +
               event.size());
    auto* target = reinterpret_cast<std::uint8_t*>(out.data());
    target = CodedOutputStream::WriteVarint32ToArray(tag, target);
    target = CodedOutputStream::WriteVarint32ToArray(length, target);
    std::copy(event.begin(), event.end(), target);
    return out;
}

} // namespace

void StreamEventSink::push(std::vector<store::EventStore::EncodedEvent> events)
{
    std::vector<std::string> responses;
    responses.reserve(events.size());
    for (const auto& event : events)
        responses.push_back(wrap(event.bytes));
    m_stream->sendSerialized(std::move(responses), fv1::ListEventsResponse::descriptor());
}

} // namespace builder::api
