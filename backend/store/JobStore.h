#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace builder::store {

class Connection;

// A unit of durable work handed from the API to the pipeline.
struct JobRecord
{
    std::string id;
    std::string kind;        // e.g. "feature.execute"
    std::string executionId; // may be empty for jobs not tied to an execution
    std::string payload;
    std::int64_t availableAtMillis = 0;
};

// A job as a worker holds it: `attempt` is the fencing number, raised by every
// lease, so a worker whose lease was taken over can tell it no longer owns it.
struct JobLease
{
    JobRecord job;
    int attempt = 0;
    int level = 0; // retry level reached so far: 0 (first run), 1..3
    std::string owner;
    std::int64_t leaseUntilMillis = 0;
};

// Job rows; the queue (backend/queue) decides leases and retries on top.
// States: ready, leased, done, failed (not retryable), dead (dead-lettered), cancelled.
class JobStore
{
public:
    static void insert(Connection& c, const JobRecord& job, std::int64_t nowMillis);
    static int countReady(Connection& c, const std::string& kind);
    // Marks every unfinished job of an execution as cancelled.
    static void cancelForExecution(Connection& c, const std::string& executionId,
                                   std::int64_t nowMillis);

    // Leases the oldest due job of these kinds: ready and available, or leased
    // with an expired lease (its holder is presumed dead). Raises the attempt.
    static std::optional<JobLease> leaseNext(Connection& c, const std::vector<std::string>& kinds,
                                             const std::string& owner, std::int64_t nowMillis,
                                             std::int64_t leaseMillis);
    // True while this lease is the job's current one (the fencing check).
    static bool holds(Connection& c, const std::string& jobId, int attempt);
    static bool renew(Connection& c, const std::string& jobId, int attempt,
                      std::int64_t leaseUntilMillis, std::int64_t nowMillis);
    // Ends the lease with a final state (done, failed, dead, cancelled).
    static void finish(Connection& c, const std::string& jobId, int attempt,
                       const std::string& state, const std::string& error, std::int64_t nowMillis);
    // Ends the lease and makes the job ready again at a later time, one level up.
    static void reschedule(Connection& c, const std::string& jobId, int attempt, int level,
                           std::int64_t availableAtMillis, const std::string& error,
                           std::int64_t nowMillis);
    // Makes every lease not held by `owner` available at once (a restarted
    // embedded builderd is the only worker of its database). Returns how many.
    static int releaseLeasesNotOwnedBy(Connection& c, const std::string& owner,
                                       std::int64_t nowMillis);
    // The earliest time a job of these kinds becomes due (ready or lease expiry).
    static std::optional<std::int64_t> nextDueAt(Connection& c,
                                                 const std::vector<std::string>& kinds);
    static std::optional<JobLease> find(Connection& c, const std::string& jobId);
    static std::optional<std::string> stateOf(Connection& c, const std::string& jobId);
};

} // namespace builder::store
