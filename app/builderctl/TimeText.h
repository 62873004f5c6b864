#pragma once

#include "common/Result.h"

#include <google/protobuf/timestamp.pb.h>

#include <chrono>
#include <string>

namespace builder::ctl {

// Times on the command line: durations ("30", "1.5s", "2m", "1h30m"), instants
// (RFC 3339, a date, or a duration ago), and UTC display that reads the same on
// every machine.
class TimeText
{
public:
    // Units: ms, s, m, h, d. A bare number means seconds when `bareIsSeconds`.
    static common::Result<std::chrono::milliseconds>
    parseDuration(const std::string& option, const std::string& text, bool bareIsSeconds);
    // "2024-05-01T10:00:00Z", "2024-05-01T12:00:00+02:00", "2024-05-01" (UTC
    // midnight), or "24h" meaning that long before `now`.
    static common::Result<google::protobuf::Timestamp>
    parseInstant(const std::string& option, const std::string& text,
                 std::chrono::system_clock::time_point now);
    // "2024-05-01T10:00:00Z"; "-" for an unset timestamp.
    static std::string format(const google::protobuf::Timestamp& timestamp);

    static constexpr std::chrono::hours kMaxDuration{24 * 365 * 100};
};

} // namespace builder::ctl
