#pragma once

#include "common/Result.h"
#include "store/JobStore.h"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace builder::store {
class Connection;
}

namespace builder::queue {

// Why a leased job did not finish, as the worker sees it.
struct JobFailure
{
    bool retryable = true;
    std::string message;
    std::string errorCode; // ErrorCode name for the dead-letter record
};

// What the queue did with a failed job.
struct FailResult
{
    enum class Outcome
    {
        Retrying,     // ready again at retryAtMillis, one level up
        DeadLettered, // every level used: kept for an admin
        Failed,       // not retryable: finished as failed
        Fenced        // this worker no longer holds the job: nothing changed
    };
    Outcome outcome = Outcome::Failed;
    int level = 0;
    std::int64_t retryAtMillis = 0;
    std::string deadLetterId;
};

// Durable hand-off of work from the API to the pipeline, delivered at least
// once. enqueue() runs inside the caller's write transaction, so a job exists
// exactly when the state change that asked for it was committed (a
// transactional outbox for the scale-out queue as well). A worker leases a job
// and holds it under a fencing number (the attempt): every write it makes
// checks holds() in the same transaction, so a worker whose lease was taken
// over changes nothing.
class JobQueue
{
public:
    virtual ~JobQueue() = default;
    virtual void enqueue(store::Connection& c, const store::JobRecord& job) = 0;
    virtual void cancelForExecution(store::Connection& c, const std::string& executionId) = 0;

    // Leases the oldest due job of these kinds (its own transaction).
    virtual common::Result<std::optional<store::JobLease>>
    lease(const std::vector<std::string>& kinds, const std::string& owner) = 0;
    virtual bool holds(store::Connection& c, const store::JobLease& lease) = 0;
    // Extends the lease; false when it was lost (the worker must stop).
    virtual bool renew(const store::JobLease& lease) = 0;
    virtual void complete(store::Connection& c, const store::JobLease& lease) = 0;
    virtual FailResult fail(store::Connection& c, const store::JobLease& lease,
                            const JobFailure& failure) = 0;
    // Ends the lease and makes the job ready again after `delay`, at the same
    // retry level (a pause, e.g. for the kill switch, is not a failure).
    virtual void postpone(store::Connection& c, const store::JobLease& lease,
                          std::chrono::milliseconds delay, const std::string& why) = 0;
    // Puts a dead letter's job back at level 0 as a new job; returns its id.
    virtual common::Result<std::string> requeueDeadLetter(store::Connection& c,
                                                          const std::string& deadLetterId) = 0;
    // Blocks until a job of these kinds may be due, wake() is called, or `max` passed.
    virtual void waitForWork(const std::vector<std::string>& kinds,
                             std::chrono::milliseconds max) = 0;
    virtual void wake() = 0;
};

} // namespace builder::queue
