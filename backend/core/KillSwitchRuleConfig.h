#pragma once

#include <chrono>

namespace builder::core {

// The automatic kill-switch rules and their thresholds (config keys killswitch.*).
struct KillSwitchRuleConfig
{
    // Secrets in generated code: `secretsThreshold` review.finding events with
    // source "secrets" in one repository within `secretsWindow` trip that
    // repository's switch.
    bool secretsRule = true;
    int secretsThreshold = 3;
    std::chrono::milliseconds secretsWindow = std::chrono::hours(1);
    // Failure rate: once at least `failureMinExecutions` executions finished
    // (completed or failed), a failed share of at least `failureRate` among the
    // last `failureWindow` of them trips the global switch.
    bool failureRule = true;
    int failureMinExecutions = 10;
    int failureWindow = 10;
    double failureRate = 0.5;
    // How often the kill switch re-reads the database (changes by another builderd).
    std::chrono::milliseconds refreshInterval = std::chrono::seconds(1);
};

} // namespace builder::core
