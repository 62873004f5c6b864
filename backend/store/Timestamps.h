#pragma once

#include <google/protobuf/timestamp.pb.h>

#include <cstdint>

namespace builder::store {

// The store keeps times as integer milliseconds since the Unix epoch.
class Timestamps
{
public:
    static std::int64_t nowMillis();
    static std::int64_t toMillis(const google::protobuf::Timestamp& ts);
    // Leaves `out` cleared for 0 (unset).
    static void fromMillis(std::int64_t ms, google::protobuf::Timestamp* out);
};

} // namespace builder::store
