#pragma once

#include <optional>
#include <string_view>

namespace builder::common {

// The scalar values of operator settings (config file, flags, environment),
// parsed whole: trailing characters make the value invalid. Durations are
// DurationText's.
class SettingText
{
public:
    // A decimal integer ("42", "-3").
    static std::optional<long long> integer(std::string_view text);
    // A decimal number ("0.5", "1e3").
    static std::optional<double> number(std::string_view text);
    // on/true/yes/1 or off/false/no/0.
    static std::optional<bool> boolean(std::string_view text);
};

} // namespace builder::common
