#include "Thresholds.h"

#include "common/SettingText.h"

#include <charconv>
#include <vector>

namespace builder::review {

namespace {

void readInt(const Thresholds::Lookup& lookup, const char* name, int min, int max, int& target,
             std::vector<common::Violation>& violations)
{
    const auto value = lookup(name);
    if (!value)
        return;
    int parsed = 0;
    const auto* end = value->data() + value->size();
    const auto [ptr, ec] = std::from_chars(value->data(), end, parsed);
    if (value->empty() || ec != std::errc() || ptr != end || parsed < min || parsed > max) {
        violations.push_back({name, "int32.range",
                              std::string(name) + " must be an integer from " +
                                  std::to_string(min) + " to " + std::to_string(max)});
        return;
    }
    target = parsed;
}

} // namespace

common::Result<Thresholds> Thresholds::fromEnvironment(const Lookup& lookup)
{
    Thresholds t;
    std::vector<common::Violation> violations;
    readInt(lookup, "MAX_RISK_SCORE", 0, 100, t.maxRiskScore, violations);
    readInt(lookup, "MAX_CRITICAL_ISSUES", 0, 1000000, t.maxCriticalIssues, violations);
    readInt(lookup, "MAX_HIGH_ISSUES", 0, 1000000, t.maxHighIssues, violations);
    if (const auto value = lookup("BLOCK_ON_SECRETS")) {
        if (const auto flag = common::SettingText::boolean(*value))
            t.blockOnSecrets = *flag;
        else
            violations.push_back(
                {"BLOCK_ON_SECRETS", "bool.value",
                 "BLOCK_ON_SECRETS must be true or false (also 1/0, yes/no, on/off)"});
    }
    if (!violations.empty())
        return common::Error::invalid(std::move(violations));
    return t;
}

common::Result<int> Thresholds::maxIterationsFromEnvironment(const Lookup& lookup)
{
    int value = kDefaultMaxIterations;
    std::vector<common::Violation> violations;
    readInt(lookup, "MAX_ITERATIONS", 0, 100, value, violations);
    if (!violations.empty())
        return common::Error::invalid(std::move(violations));
    return value;
}

} // namespace builder::review
