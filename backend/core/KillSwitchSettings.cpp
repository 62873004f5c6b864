#include "KillSwitchSettings.h"

#include "common/DurationText.h"

#include <algorithm>

namespace builder::core {

using common::Error;

namespace {

bool toInt(const std::string& text, long long& out)
{
    try {
        std::size_t used = 0;
        out = std::stoll(text, &used);
        return used == text.size();
    } catch (...) {
        return false;
    }
}

bool toBool(const std::string& text, bool& out)
{
    if (text == "on" || text == "true" || text == "yes" || text == "1")
        out = true;
    else if (text == "off" || text == "false" || text == "no" || text == "0")
        out = false;
    else
        return false;
    return true;
}

bool toDuration(const std::string& text, std::chrono::milliseconds& out)
{
    const auto parsed = common::DurationText::parse(text);
    if (parsed)
        out = *parsed;
    return parsed.has_value();
}

// "0.5" or "50%".
bool toRate(const std::string& text, double& out)
{
    try {
        std::size_t used = 0;
        const bool percent = !text.empty() && text.back() == '%';
        const auto number = percent ? text.substr(0, text.size() - 1) : text;
        out = std::stod(number, &used);
        if (used != number.size())
            return false;
        if (percent)
            out /= 100.0;
        return true;
    } catch (...) {
        return false;
    }
}

Error bad(const std::string& key, const std::string& value, const std::string& rule)
{
    return Error::invalid(key, "setting.value", key + " " + rule + " (got \"" + value + "\")");
}

} // namespace

bool KillSwitchSettings::isKillSwitchSetting(const std::string& key)
{
    return key.rfind("killswitch.", 0) == 0;
}

common::Status KillSwitchSettings::apply(const std::map<std::string, std::string>& settings,
                                         KillSwitchRuleConfig& c)
{
    using namespace std::chrono;
    for (const auto& [key, value] : settings) {
        long long n = 0;
        milliseconds d{};
        if (key == "killswitch.secrets_rule") {
            if (!toBool(value, c.secretsRule))
                return bad(key, value, "must be on or off");
        } else if (key == "killswitch.secrets_threshold") {
            if (!toInt(value, n) || n < 1 || n > 10000)
                return bad(key, value, "must be a number of findings from 1 to 10000");
            c.secretsThreshold = static_cast<int>(n);
        } else if (key == "killswitch.secrets_window") {
            if (!toDuration(value, d) || d < seconds(1) || d > hours(24 * 30))
                return bad(key, value, "must be a duration from 1s to 30d (e.g. 1h, 90m)");
            c.secretsWindow = d;
        } else if (key == "killswitch.failure_rule") {
            if (!toBool(value, c.failureRule))
                return bad(key, value, "must be on or off");
        } else if (key == "killswitch.failure_min_executions") {
            if (!toInt(value, n) || n < 1 || n > 10000)
                return bad(key, value, "must be a number of executions from 1 to 10000");
            c.failureMinExecutions = static_cast<int>(n);
        } else if (key == "killswitch.failure_window") {
            if (!toInt(value, n) || n < 1 || n > 10000)
                return bad(key, value, "must be a number of executions from 1 to 10000");
            c.failureWindow = static_cast<int>(n);
        } else if (key == "killswitch.failure_rate") {
            double rate = 0;
            if (!toRate(value, rate) || rate <= 0 || rate > 1)
                return bad(key, value, "must be a share above 0 and at most 1 (e.g. 0.5 or 50%)");
            c.failureRate = rate;
        } else if (key == "killswitch.refresh_interval") {
            if (!toDuration(value, d) || d < milliseconds(100) || d > seconds(60))
                return bad(key, value, "must be a duration from 100ms to 60s");
            c.refreshInterval = d;
        } else {
            return Error::invalid(key, "setting.known", "unknown setting \"" + key + "\"");
        }
    }
    if (!settings.contains("killswitch.failure_window"))
        c.failureWindow = std::max(c.failureWindow, c.failureMinExecutions);
    if (c.failureWindow < c.failureMinExecutions)
        return Error::invalid("killswitch.failure_window", "setting.value",
                              "killswitch.failure_window (" + std::to_string(c.failureWindow) +
                                  ") must be at least killswitch.failure_min_executions (" +
                                  std::to_string(c.failureMinExecutions) + ")");
    return {};
}

} // namespace builder::core
