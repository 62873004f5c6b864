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
    // Registers a run; the returned token is cancelled by cancel()/cancelAll().
    common::CancelToken add(const std::string& executionId);
    void remove(const std::string& executionId);
    // True when the execution was running here.
    bool cancel(const std::string& executionId, const common::Error& reason);
    // Cancels every run matching `filter` (empty repository id: all of them).
    int cancelWhere(const std::function<bool(const std::string& executionId)>& filter,
                    const common::Error& reason);
    std::vector<std::string> ids() const;

private:
    mutable std::mutex m_mutex;
    std::map<std::string, common::CancelToken> m_runs;
};

} // namespace builder::core
