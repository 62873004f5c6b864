#include "KillSwitchRules.h"

#include "common/DurationText.h"

#include <algorithm>
#include <cmath>

namespace builder::core {

std::optional<KillSwitchRules::Trip> KillSwitchRules::secretFound(const std::string& repositoryId,
                                                                  std::int64_t atMillis)
{
    if (!m_config.secretsRule || m_config.secretsThreshold < 1)
        return std::nullopt;
    auto& times = m_secrets[repositoryId];
    // Findings may arrive slightly out of order: keep them sorted.
    times.insert(std::upper_bound(times.begin(), times.end(), atMillis), atMillis);
    const auto newest = times.back();
    while (!times.empty() && times.front() <= newest - m_config.secretsWindow.count())
        times.pop_front();
    if (static_cast<int>(times.size()) < m_config.secretsThreshold)
        return std::nullopt;
    const int count = static_cast<int>(times.size());
    m_secrets.erase(repositoryId);
    return Trip{repositoryId, kSecretsRule,
                "automatic: rule " + std::string(kSecretsRule) + ": " + std::to_string(count) +
                    " secret findings in generated code within " +
                    common::DurationText::format(m_config.secretsWindow) + " (threshold " +
                    std::to_string(m_config.secretsThreshold) + ")"};
}

std::optional<KillSwitchRules::Trip> KillSwitchRules::executionFinished(bool failed)
{
    if (!m_config.failureRule)
        return std::nullopt;
    m_outcomes.push_back(failed);
    const auto window =
        static_cast<std::size_t>(std::max(m_config.failureWindow, m_config.failureMinExecutions));
    while (m_outcomes.size() > window)
        m_outcomes.pop_front();
    const int total = static_cast<int>(m_outcomes.size());
    if (total < m_config.failureMinExecutions)
        return std::nullopt;
    const int failures = static_cast<int>(std::count(m_outcomes.begin(), m_outcomes.end(), true));
    // Compared in integers where possible: 5 of 10 is exactly 50 %.
    if (static_cast<double>(failures) + 1e-9 < m_config.failureRate * total)
        return std::nullopt;
    m_outcomes.clear();
    const int percent = static_cast<int>(std::lround(100.0 * failures / total));
    return Trip{"", kFailureRule,
                "automatic: rule " + std::string(kFailureRule) + ": " + std::to_string(failures) +
                    " of the last " + std::to_string(total) + " finished executions failed (" +
                    std::to_string(percent) + "%, threshold " +
                    std::to_string(static_cast<int>(std::lround(m_config.failureRate * 100))) +
                    "% over at least " + std::to_string(m_config.failureMinExecutions) + ")"};
}

void KillSwitchRules::resetRepository(const std::string& repositoryId)
{
    m_secrets.erase(repositoryId);
}

void KillSwitchRules::resetFailures()
{
    m_outcomes.clear();
}

int KillSwitchRules::secretsCounted(const std::string& repositoryId) const
{
    auto it = m_secrets.find(repositoryId);
    return it == m_secrets.end() ? 0 : static_cast<int>(it->second.size());
}

} // namespace builder::core
