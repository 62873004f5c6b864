#include "DurationText.h"

#include <cstdint>

namespace builder::common {

std::optional<std::chrono::milliseconds> DurationText::parse(std::string_view text)
{
    std::size_t digits = 0;
    std::int64_t n = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') {
        if (digits == 12)
            return std::nullopt; // far beyond any sensible setting
        n = n * 10 + (text[digits] - '0');
        ++digits;
    }
    if (digits == 0)
        return std::nullopt;
    const auto unit = text.substr(digits);
    if (unit == "ms")
        return std::chrono::milliseconds(n);
    if (unit == "s" || unit.empty())
        return std::chrono::seconds(n);
    if (unit == "m")
        return std::chrono::minutes(n);
    if (unit == "h")
        return std::chrono::hours(n);
    if (unit == "d")
        return std::chrono::hours(24 * n);
    return std::nullopt;
}

std::string DurationText::format(std::chrono::milliseconds duration)
{
    const auto ms = duration.count();
    if (ms != 0 && ms % 86400000 == 0)
        return std::to_string(ms / 86400000) + "d";
    if (ms != 0 && ms % 3600000 == 0)
        return std::to_string(ms / 3600000) + "h";
    if (ms != 0 && ms % 60000 == 0)
        return std::to_string(ms / 60000) + "m";
    if (ms != 0 && ms % 1000 == 0)
        return std::to_string(ms / 1000) + "s";
    return std::to_string(ms) + "ms";
}

} // namespace builder::common
