#include "RunningExecutions.h"

namespace builder::core {

common::CancelToken RunningExecutions::add(const std::string& executionId,
                                           const std::string& repositoryId)
{
    std::lock_guard lock(m_mutex);
    common::CancelToken token;
    m_runs.insert_or_assign(executionId, Run{token, repositoryId});
    return token;
}

void RunningExecutions::setRepository(const std::string& executionId,
                                      const std::string& repositoryId)
{
    std::lock_guard lock(m_mutex);
    if (auto it = m_runs.find(executionId); it != m_runs.end())
        it->second.repositoryId = repositoryId;
}

void RunningExecutions::remove(const std::string& executionId)
{
    std::lock_guard lock(m_mutex);
    m_runs.erase(executionId);
}

bool RunningExecutions::cancel(const std::string& executionId, const common::Error& reason)
{
    common::CancelToken token;
    {
        std::lock_guard lock(m_mutex);
        auto it = m_runs.find(executionId);
        if (it == m_runs.end())
            return false;
        token = it->second.token;
    }
    token.cancel(reason);
    return true;
}

int RunningExecutions::cancelRepository(const std::string& repositoryId,
                                        const common::Error& reason)
{
    std::vector<common::CancelToken> tokens;
    {
        std::lock_guard lock(m_mutex);
        for (const auto& [id, run] : m_runs)
            if (repositoryId.empty() || run.repositoryId == repositoryId)
                tokens.push_back(run.token);
    }
    for (auto& token : tokens)
        token.cancel(reason);
    return static_cast<int>(tokens.size());
}

std::vector<std::string> RunningExecutions::ids() const
{
    std::lock_guard lock(m_mutex);
    std::vector<std::string> out;
    for (const auto& [id, run] : m_runs)
        out.push_back(id);
    return out;
}

} // namespace builder::core
