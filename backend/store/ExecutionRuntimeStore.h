#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace builder::store {

class Connection;

// What an execution has used so far: when it first started, LLM calls, tokens, cost.
struct ExecutionUsage
{
    std::int64_t startedAtMillis = 0;
    std::int64_t tokensIn = 0;
    std::int64_t tokensOut = 0;
    std::int64_t costMicros = 0; // US dollars * 1,000,000
    int llmCalls = 0;
};

// The pipeline's bookkeeping columns on executions, apart from the public message.
class ExecutionRuntimeStore
{
public:
    // Sets started_at the first time only; returns the value in effect.
    static std::int64_t markStarted(Connection& c, const std::string& executionId,
                                    std::int64_t nowMillis);
    static void addUsage(Connection& c, const std::string& executionId, std::int64_t tokensIn,
                         std::int64_t tokensOut, std::int64_t costMicros);
    static ExecutionUsage usage(Connection& c, const std::string& executionId);
    static bool exists(Connection& c, const std::string& executionId);
    // Executions not in a terminal state (their workspaces are live).
    static std::vector<std::string> unfinishedIds(Connection& c);
    // Executions not finished, or finished at or after `sinceMillis`: those whose
    // workspaces are kept.
    static std::vector<std::string> unfinishedOrSince(Connection& c, std::int64_t sinceMillis);
};

} // namespace builder::store
