#include "KillSwitchSettings.h"

#include "common/DurationText.h"
#include "common/SettingText.h"

#include <algorithm>
#include <optional>

namespace builder::core {

using common::Error;

namespace {

// "0.5" or "50%".
std::optional<double> rateOf(const std::string& text)
{
    const bool percent = !text.empty() && text.back() == '%';
    const auto number =
        common::SettingText::number(percent ? text.substr(0, text.size() - 1) : text);
    if (!number)
        return std::nullopt;
    return percent ? *number / 100.0 : *number;
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
        const auto n = common::SettingText::integer(value);
        const auto d = common::DurationText::parse(value);
        const auto flag = common::SettingText::boolean(value);
        const auto count = [&](long long lo, long long hi) { return n && *n >= lo && *n <= hi; };
        if (key == "killswitch.secrets_rule") {
            if (!flag)
                return bad(key, value, "must be on or off");
            c.secretsRule = *flag;
        } else if (key == "killswitch.secrets_threshold") {
            if (!count(1, 10000))
                return bad(key, value, "must be a number of findings from 1 to 10000");
            c.secretsThreshold = static_cast<int>(*n);
        } else if (key == "killswitch.secrets_window") {
            if (!d || *d < seconds(1) || *d > hours(24 * 30))
                return bad(key, value, "must be a duration from 1s to 30d (e.g. 1h, 90m)");
            c.secretsWindow = *d;
        } else if (key == "killswitch.failure_rule") {
            if (!flag)
                return bad(key, value, "must be on or off");
            c.failureRule = *flag;
        } else if (key == "killswitch.failure_min_executions") {
            if (!count(1, 10000))
                return bad(key, value, "must be a number of executions from 1 to 10000");
            c.failureMinExecutions = static_cast<int>(*n);
        } else if (key == "killswitch.failure_window") {
            if (!count(1, 10000))
                return bad(key, value, "must be a number of executions from 1 to 10000");
            c.failureWindow = static_cast<int>(*n);
        } else if (key == "killswitch.failure_rate") {
            const auto rate = rateOf(value);
            if (!rate || *rate <= 0 || *rate > 1)
                return bad(key, value, "must be a share above 0 and at most 1 (e.g. 0.5 or 50%)");
            c.failureRate = *rate;
        } else if (key == "killswitch.refresh_interval") {
            if (!d || *d < milliseconds(100) || *d > seconds(60))
                return bad(key, value, "must be a duration from 100ms to 60s");
            c.refreshInterval = *d;
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
