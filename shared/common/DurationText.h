#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace builder::common {

// Durations as settings spell them: a whole number with a unit, "500ms", "90s",
// "10m", "1h", "2d"; a bare number is seconds.
class DurationText
{
public:
    static std::optional<std::chrono::milliseconds> parse(std::string_view text);
    // The largest unit that divides evenly: 3600000 ms -> "1h", 1500 ms -> "1500ms".
    static std::string format(std::chrono::milliseconds duration);
};

} // namespace builder::common
