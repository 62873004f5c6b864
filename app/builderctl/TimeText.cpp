#include "TimeText.h"

#include "UsageError.h"

#include <google/protobuf/util/time_util.h>

#include <cctype>
#include <charconv>
#include <ctime>

namespace builder::ctl {

namespace {

// Milliseconds per unit; longest suffix first so "ms" wins over "m".
struct Unit
{
    const char* suffix;
    double milliseconds;
};
constexpr Unit kUnits[] = {
    {"ms", 1.0}, {"s", 1000.0}, {"m", 60'000.0}, {"h", 3'600'000.0}, {"d", 86'400'000.0}};

bool isDate(const std::string& text)
{
    return text.size() >= 10 && std::isdigit(static_cast<unsigned char>(text[0])) &&
           text[4] == '-' && text[7] == '-';
}

} // namespace

common::Result<std::chrono::milliseconds>
TimeText::parseDuration(const std::string& option, const std::string& text, bool bareIsSeconds)
{
    const auto invalid = [&] {
        return usageError(
            "--" + option + ": expected a duration like " +
            (bareIsSeconds ? std::string("30, 1.5s, 500ms or 2m") : "90m, 24h or 7d") + ", got '" +
            text + "'");
    };
    if (text.empty())
        return invalid();

    double total = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t digitsEnd = pos;
        bool dot = false;
        while (digitsEnd < text.size() &&
               (std::isdigit(static_cast<unsigned char>(text[digitsEnd])) ||
                (text[digitsEnd] == '.' && !dot))) {
            dot = dot || text[digitsEnd] == '.';
            ++digitsEnd;
        }
        const std::string number = text.substr(pos, digitsEnd - pos);
        if (number.empty() || number == ".")
            return invalid();
        // from_chars, not stod: the decimal point must not depend on the locale.
        double value = 0;
        std::from_chars(number.data(), number.data() + number.size(), value);
        if (digitsEnd == text.size()) {
            if (!bareIsSeconds || pos != 0)
                return invalid();
            total = value * 1000.0;
            break;
        }
        const Unit* unit = nullptr;
        for (const auto& candidate : kUnits) {
            if (text.compare(digitsEnd, std::char_traits<char>::length(candidate.suffix),
                             candidate.suffix) == 0) {
                unit = &candidate;
                break;
            }
        }
        if (!unit)
            return invalid();
        total += value * unit->milliseconds;
        pos = digitsEnd + std::char_traits<char>::length(unit->suffix);
    }
    if (total > std::chrono::duration<double, std::milli>(kMaxDuration).count())
        return usageError("--" + option + ": " + text + " is too long");
    return std::chrono::milliseconds(static_cast<std::int64_t>(total + 0.5));
}

common::Result<google::protobuf::Timestamp>
TimeText::parseInstant(const std::string& option, const std::string& text,
                       std::chrono::system_clock::time_point now)
{
    const auto invalid = [&] {
        return usageError("--" + option +
                          ": expected RFC 3339 like 2024-05-01T10:00:00Z, a date "
                          "like 2024-05-01 or a duration ago like 24h, got '" +
                          text + "'");
    };
    google::protobuf::Timestamp timestamp;
    if (isDate(text)) {
        const std::string full = text.size() == 10 ? text + "T00:00:00Z" : text;
        if (google::protobuf::util::TimeUtil::FromString(full, &timestamp))
            return timestamp;
        return invalid();
    }
    auto ago = parseDuration(option, text, false);
    if (!ago.ok())
        return invalid();
    const auto then = now - *ago;
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(then.time_since_epoch()).count();
    return google::protobuf::util::TimeUtil::MillisecondsToTimestamp(ms);
}

std::string TimeText::format(const google::protobuf::Timestamp& timestamp)
{
    if (timestamp.seconds() == 0 && timestamp.nanos() == 0)
        return "-";
    const std::time_t seconds = static_cast<std::time_t>(timestamp.seconds());
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char buffer[32];
    const std::size_t n = std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return std::string(buffer, n);
}

} // namespace builder::ctl
