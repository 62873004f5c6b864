#include "SettingText.h"

#include <string>

namespace builder::common {

std::optional<long long> SettingText::integer(std::string_view text)
{
    try {
        const std::string copy(text);
        std::size_t used = 0;
        const long long value = std::stoll(copy, &used);
        if (used == copy.size())
            return value;
    } catch (...) {
    }
    return std::nullopt;
}

std::optional<double> SettingText::number(std::string_view text)
{
    try {
        const std::string copy(text);
        std::size_t used = 0;
        const double value = std::stod(copy, &used);
        if (used == copy.size())
            return value;
    } catch (...) {
    }
    return std::nullopt;
}

std::optional<bool> SettingText::boolean(std::string_view text)
{
    if (text == "on" || text == "true" || text == "yes" || text == "1")
        return true;
    if (text == "off" || text == "false" || text == "no" || text == "0")
        return false;
    return std::nullopt;
}

} // namespace builder::common
