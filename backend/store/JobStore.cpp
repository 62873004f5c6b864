#include "JobStore.h"

#include "Connection.h"

namespace builder::store {

void JobStore::insert(Connection& c, const JobRecord& job, std::int64_t nowMillis)
{
    auto s = c.prepare("INSERT INTO jobs (id, kind, execution_id, payload, state, available_at, "
                       "created_at, updated_at) VALUES (?,?,?,?,'ready',?,?,?)");
    s.bind(1, job.id)
        .bind(2, job.kind)
        .bindOptional(3, job.executionId)
        .bindBlob(4, job.payload)
        .bind(5, job.availableAtMillis ? job.availableAtMillis : nowMillis)
        .bind(6, nowMillis)
        .bind(7, nowMillis);
    s.run();
}

int JobStore::countReady(Connection& c, const std::string& kind)
{
    auto s = c.prepare("SELECT COUNT(*) FROM jobs WHERE kind = ? AND state = 'ready'");
    s.bind(1, kind);
    return s.step() ? static_cast<int>(s.int64(0)) : 0;
}

void JobStore::cancelForExecution(Connection& c, const std::string& executionId,
                                  std::int64_t nowMillis)
{
    auto s = c.prepare("UPDATE jobs SET state = 'cancelled', updated_at = ? WHERE execution_id = ? "
                       "AND state IN ('ready', 'leased')");
    s.bind(1, nowMillis).bind(2, executionId);
    s.run();
}

} // namespace builder::store
