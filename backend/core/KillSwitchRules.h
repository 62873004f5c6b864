#pragma once

#include "KillSwitchRuleConfig.h"

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>

namespace builder::core {

// The automatic trip rules as a pure evaluator: fed findings and outcomes, it
// says when a switch should trip and why. Holds no clock and does no I/O, so
// it is tested with synthetic events; KillSwitchMonitor feeds it the real ones.
class KillSwitchRules
{
public:
    static constexpr const char* kSecretsRule = "secrets-in-generated-code";
    static constexpr const char* kFailureRule = "failure-rate";

    struct Trip
    {
        std::string repositoryId; // empty: the global switch
        std::string rule;
        std::string reason;
    };

    explicit KillSwitchRules(KillSwitchRuleConfig config) : m_config(config) {}

    // A secret found in a repository's generated code at `atMillis`.
    std::optional<Trip> secretFound(const std::string& repositoryId, std::int64_t atMillis);
    // An execution finished (completed, or failed).
    std::optional<Trip> executionFinished(bool failed);

    // Forget what was counted (the switch of that scope changed).
    void resetRepository(const std::string& repositoryId);
    void resetFailures();

    int secretsCounted(const std::string& repositoryId) const;
    int outcomesCounted() const { return static_cast<int>(m_outcomes.size()); }
    const KillSwitchRuleConfig& config() const { return m_config; }

private:
    KillSwitchRuleConfig m_config;
    std::map<std::string, std::deque<std::int64_t>> m_secrets;
    std::deque<bool> m_outcomes; // newest at the back, at most failureWindow
};

} // namespace builder::core
