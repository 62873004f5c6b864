#include "ExecutionRuntimeStore.h"

#include "Connection.h"

namespace builder::store {

namespace {
// COMPLETED, FAILED, CANCELLED (feature.feature.v1.FeatureState).
constexpr const char* kTerminal = "(6, 7, 8)";
} // namespace

std::int64_t ExecutionRuntimeStore::markStarted(Connection& c, const std::string& executionId,
                                                std::int64_t nowMillis)
{
    auto s = c.prepare("UPDATE executions SET started_at = CASE WHEN started_at = 0 THEN ? ELSE "
                       "started_at END WHERE id = ? RETURNING started_at");
    s.bind(1, nowMillis).bind(2, executionId);
    const auto started = s.step() ? s.int64(0) : nowMillis;
    s.run();
    return started;
}

void ExecutionRuntimeStore::addUsage(Connection& c, const std::string& executionId,
                                     std::int64_t tokensIn, std::int64_t tokensOut,
                                     std::int64_t costMicros)
{
    auto s =
        c.prepare("UPDATE executions SET tokens_in = tokens_in + ?, tokens_out = tokens_out "
                  "+ ?, cost_micros = cost_micros + ?, llm_calls = llm_calls + 1 WHERE id = ?");
    s.bind(1, tokensIn).bind(2, tokensOut).bind(3, costMicros).bind(4, executionId);
    s.run();
}

ExecutionUsage ExecutionRuntimeStore::usage(Connection& c, const std::string& executionId)
{
    auto s = c.prepare("SELECT started_at, tokens_in, tokens_out, cost_micros, llm_calls FROM "
                       "executions WHERE id = ?");
    s.bind(1, executionId);
    ExecutionUsage u;
    if (s.step()) {
        u.startedAtMillis = s.int64(0);
        u.tokensIn = s.int64(1);
        u.tokensOut = s.int64(2);
        u.costMicros = s.int64(3);
        u.llmCalls = static_cast<int>(s.int64(4));
    }
    return u;
}

bool ExecutionRuntimeStore::exists(Connection& c, const std::string& executionId)
{
    auto s = c.prepare("SELECT 1 FROM executions WHERE id = ?");
    s.bind(1, executionId);
    return s.step();
}

std::vector<std::string> ExecutionRuntimeStore::unfinishedIds(Connection& c)
{
    auto s = c.prepare(std::string("SELECT id FROM executions WHERE state NOT IN ") + kTerminal);
    std::vector<std::string> out;
    while (s.step())
        out.push_back(s.text(0));
    return out;
}

std::vector<std::string> ExecutionRuntimeStore::unfinishedOrSince(Connection& c,
                                                                  std::int64_t sinceMillis)
{
    auto s = c.prepare(std::string("SELECT id FROM executions WHERE state NOT IN ") + kTerminal +
                       " OR completed_at >= ?");
    s.bind(1, sinceMillis);
    std::vector<std::string> out;
    while (s.step())
        out.push_back(s.text(0));
    return out;
}

} // namespace builder::store
