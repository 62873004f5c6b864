#include "JobStore.h"

#include "Connection.h"

namespace builder::store {

namespace {

// "?,?,?" for an IN list.
std::string placeholders(std::size_t n)
{
    std::string out;
    for (std::size_t i = 0; i < n; ++i)
        out += i ? ",?" : "?";
    return out;
}

JobLease readLease(Statement& s)
{
    JobLease lease;
    lease.job.id = s.text(0);
    lease.job.kind = s.text(1);
    lease.job.executionId = s.isNull(2) ? std::string() : s.text(2);
    lease.job.payload = s.blob(3);
    lease.job.availableAtMillis = s.int64(4);
    lease.attempt = static_cast<int>(s.int64(5));
    lease.level = static_cast<int>(s.int64(6));
    lease.owner = s.isNull(7) ? std::string() : s.text(7);
    lease.leaseUntilMillis = s.int64(8);
    return lease;
}

constexpr const char* kColumns =
    "id, kind, execution_id, payload, available_at, attempt, level, lease_owner, lease_until";

} // namespace

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

std::optional<JobLease> JobStore::leaseNext(Connection& c, const std::vector<std::string>& kinds,
                                            const std::string& owner, std::int64_t nowMillis,
                                            std::int64_t leaseMillis)
{
    if (kinds.empty())
        return std::nullopt;
    const auto in = placeholders(kinds.size());
    auto pick = c.prepare("SELECT id FROM jobs WHERE kind IN (" + in +
                          ") AND ((state = 'ready' AND available_at <= ?) OR "
                          "(state = 'leased' AND lease_until < ?)) "
                          "ORDER BY available_at, created_at LIMIT 1");
    int i = 1;
    for (const auto& kind : kinds)
        pick.bind(i++, kind);
    pick.bind(i, nowMillis);
    pick.bind(i + 1, nowMillis);
    if (!pick.step())
        return std::nullopt;
    const auto id = pick.text(0);
    pick.reset();

    auto take = c.prepare(std::string("UPDATE jobs SET state = 'leased', attempt = attempt + 1, "
                                      "lease_owner = ?, lease_until = ?, updated_at = ? "
                                      "WHERE id = ? RETURNING ") +
                          kColumns);
    take.bind(1, owner).bind(2, nowMillis + leaseMillis).bind(3, nowMillis).bind(4, id);
    if (!take.step())
        return std::nullopt;
    auto lease = readLease(take);
    take.run();
    return lease;
}

bool JobStore::holds(Connection& c, const std::string& jobId, int attempt)
{
    auto s = c.prepare("SELECT 1 FROM jobs WHERE id = ? AND attempt = ? AND state = 'leased'");
    s.bind(1, jobId).bind(2, attempt);
    return s.step();
}

bool JobStore::renew(Connection& c, const std::string& jobId, int attempt,
                     std::int64_t leaseUntilMillis, std::int64_t nowMillis)
{
    auto s = c.prepare("UPDATE jobs SET lease_until = ?, updated_at = ? WHERE id = ? AND "
                       "attempt = ? AND state = 'leased'");
    s.bind(1, leaseUntilMillis).bind(2, nowMillis).bind(3, jobId).bind(4, attempt);
    s.run();
    return c.changes() == 1;
}

void JobStore::finish(Connection& c, const std::string& jobId, int attempt,
                      const std::string& state, const std::string& error, std::int64_t nowMillis)
{
    auto s = c.prepare("UPDATE jobs SET state = ?, last_error = ?, lease_owner = NULL, "
                       "lease_until = 0, updated_at = ? WHERE id = ? AND attempt = ?");
    s.bind(1, state).bind(2, error).bind(3, nowMillis).bind(4, jobId).bind(5, attempt);
    s.run();
}

void JobStore::reschedule(Connection& c, const std::string& jobId, int attempt, int level,
                          std::int64_t availableAtMillis, const std::string& error,
                          std::int64_t nowMillis)
{
    auto s = c.prepare("UPDATE jobs SET state = 'ready', level = ?, available_at = ?, "
                       "last_error = ?, lease_owner = NULL, lease_until = 0, updated_at = ? "
                       "WHERE id = ? AND attempt = ?");
    s.bind(1, level)
        .bind(2, availableAtMillis)
        .bind(3, error)
        .bind(4, nowMillis)
        .bind(5, jobId)
        .bind(6, attempt);
    s.run();
}

int JobStore::releaseLeasesNotOwnedBy(Connection& c, const std::string& owner,
                                      std::int64_t nowMillis)
{
    auto s = c.prepare("UPDATE jobs SET lease_until = 0, updated_at = ? WHERE state = 'leased' "
                       "AND (lease_owner IS NULL OR lease_owner != ?)");
    s.bind(1, nowMillis).bind(2, owner);
    s.run();
    return static_cast<int>(c.changes());
}

std::optional<std::int64_t> JobStore::nextDueAt(Connection& c,
                                                const std::vector<std::string>& kinds)
{
    if (kinds.empty())
        return std::nullopt;
    auto s = c.prepare("SELECT MIN(CASE state WHEN 'ready' THEN available_at ELSE lease_until END) "
                       "FROM jobs WHERE kind IN (" +
                       placeholders(kinds.size()) + ") AND state IN ('ready', 'leased')");
    int i = 1;
    for (const auto& kind : kinds)
        s.bind(i++, kind);
    if (!s.step() || s.isNull(0))
        return std::nullopt;
    return s.int64(0);
}

std::optional<JobLease> JobStore::find(Connection& c, const std::string& jobId)
{
    auto s = c.prepare(std::string("SELECT ") + kColumns + " FROM jobs WHERE id = ?");
    s.bind(1, jobId);
    if (!s.step())
        return std::nullopt;
    return readLease(s);
}

std::optional<std::string> JobStore::stateOf(Connection& c, const std::string& jobId)
{
    auto s = c.prepare("SELECT state FROM jobs WHERE id = ?");
    s.bind(1, jobId);
    if (!s.step())
        return std::nullopt;
    return s.text(0);
}

} // namespace builder::store
