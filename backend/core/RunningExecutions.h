#pragma once

#include "common/CancelToken.h"

#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace builder::core {

// The executions a worker is running right now, each with its cancel token, so
// that a Cancel (or the kill switch) committed by the API reaches in-flight LLM
// calls and sandboxed processes at once.
class RunningExecutions
{
public:
    // Registers a run; the returned token is cancelled by cancel()/cancelWhere().
    common::CancelToken add(const std::string& executionId, const std::string& repositoryId = {});
    void setRepository(const std::string& executionId, const std::string& repositoryId);
    void remove(const std::string& executionId);
    // True when the execution was running here.
    bool cancel(const std::string& executionId, const common::Error& reason);
    // Cancels every run of a repository (empty: every run). Returns how many.
    int cancelRepository(const std::string& repositoryId, const common::Error& reason);
    std::vector<std::string> ids() const;

private:
    mutable std::mutex m_mutex;
    struct Run
    {
        common::CancelToken token;
        std::string repositoryId;
    };
    std::map<std::string, Run> m_runs;
};

} // namespace builder::core
