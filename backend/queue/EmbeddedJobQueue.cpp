#include "EmbeddedJobQueue.h"

#include "common/Uuid.h"
#include "store/Database.h"
#include "store/DeadLetterStore.h"
#include "store/Timestamps.h"

namespace builder::queue {

using store::JobStore;
using store::Timestamps;

EmbeddedJobQueue::EmbeddedJobQueue(std::shared_ptr<store::Database> db, RetryPolicy policy)
    : m_db(std::move(db)), m_policy(policy)
{}

void EmbeddedJobQueue::enqueue(store::Connection& c, const store::JobRecord& job)
{
    JobStore::insert(c, job, Timestamps::nowMillis());
    m_db->afterCommit([this] { wake(); });
}

void EmbeddedJobQueue::cancelForExecution(store::Connection& c, const std::string& executionId)
{
    JobStore::cancelForExecution(c, executionId, Timestamps::nowMillis());
}

common::Result<std::optional<store::JobLease>>
EmbeddedJobQueue::lease(const std::vector<std::string>& kinds, const std::string& owner)
{
    return m_db->write([&](store::Connection& c) -> common::Result<std::optional<store::JobLease>> {
        return JobStore::leaseNext(c, kinds, owner, Timestamps::nowMillis(),
                                   m_policy.lease.count());
    });
}

bool EmbeddedJobQueue::holds(store::Connection& c, const store::JobLease& lease)
{
    return JobStore::holds(c, lease.job.id, lease.attempt);
}

bool EmbeddedJobQueue::renew(const store::JobLease& lease)
{
    auto renewed = m_db->write([&](store::Connection& c) -> common::Result<bool> {
        const auto now = Timestamps::nowMillis();
        return JobStore::renew(c, lease.job.id, lease.attempt, now + m_policy.lease.count(), now);
    });
    return renewed.ok() && renewed.value();
}

void EmbeddedJobQueue::complete(store::Connection& c, const store::JobLease& lease)
{
    JobStore::finish(c, lease.job.id, lease.attempt, "done", "", Timestamps::nowMillis());
}

FailResult EmbeddedJobQueue::fail(store::Connection& c, const store::JobLease& lease,
                                  const JobFailure& failure)
{
    FailResult result;
    if (!JobStore::holds(c, lease.job.id, lease.attempt)) {
        result.outcome = FailResult::Outcome::Fenced;
        return result;
    }
    const auto now = Timestamps::nowMillis();
    const int levels = static_cast<int>(m_policy.delays.size());
    if (!failure.retryable) {
        JobStore::finish(c, lease.job.id, lease.attempt, "failed", failure.message, now);
        result.outcome = FailResult::Outcome::Failed;
        return result;
    }
    if (lease.level < levels) {
        result.outcome = FailResult::Outcome::Retrying;
        result.level = lease.level + 1;
        result.retryAtMillis = now + m_policy.delays[static_cast<std::size_t>(lease.level)].count();
        JobStore::reschedule(c, lease.job.id, lease.attempt, result.level, result.retryAtMillis,
                             failure.message, now);
        m_db->afterCommit([this] { wake(); });
        return result;
    }
    store::DeadLetterRecord letter;
    letter.id = common::Uuid::generateV4();
    letter.jobId = lease.job.id;
    letter.executionId = lease.job.executionId;
    letter.kind = lease.job.kind;
    letter.attempts = lease.attempt;
    letter.lastError = failure.message;
    letter.errorCode = failure.errorCode;
    letter.failedAtMillis = now;
    store::DeadLetterStore::insert(c, letter);
    JobStore::finish(c, lease.job.id, lease.attempt, "dead", failure.message, now);
    result.outcome = FailResult::Outcome::DeadLettered;
    result.level = lease.level;
    result.deadLetterId = letter.id;
    return result;
}

void EmbeddedJobQueue::postpone(store::Connection& c, const store::JobLease& lease,
                                std::chrono::milliseconds delay, const std::string& why)
{
    const auto now = Timestamps::nowMillis();
    JobStore::reschedule(c, lease.job.id, lease.attempt, lease.level, now + delay.count(), why,
                         now);
    m_db->afterCommit([this] { wake(); });
}

common::Result<std::string> EmbeddedJobQueue::requeueDeadLetter(store::Connection& c,
                                                                const std::string& deadLetterId)
{
    auto letter = store::DeadLetterStore::find(c, deadLetterId);
    if (!letter)
        return common::Error::notFound("dead letter " + deadLetterId + " not found");
    if (letter->requeuedAtMillis != 0)
        return common::Error::failedPrecondition("dead letter " + deadLetterId +
                                                 " was already requeued as job " +
                                                 letter->requeuedJobId);
    auto old = JobStore::find(c, letter->jobId);
    store::JobRecord job;
    job.id = common::Uuid::generateV4();
    job.kind = letter->kind;
    job.executionId = letter->executionId;
    job.payload = old ? old->job.payload : std::string();
    enqueue(c, job);
    store::DeadLetterStore::markRequeued(c, deadLetterId, job.id, Timestamps::nowMillis());
    return job.id;
}

void EmbeddedJobQueue::waitForWork(const std::vector<std::string>& kinds,
                                   std::chrono::milliseconds max)
{
    std::uint64_t seen;
    {
        std::lock_guard lock(m_mutex);
        seen = m_wakeups;
    }
    auto due = m_db->read([&](store::Connection& c) -> common::Result<std::optional<std::int64_t>> {
        return JobStore::nextDueAt(c, kinds);
    });
    auto wait = max;
    if (due.ok() && due.value()) {
        const auto until = *due.value() - Timestamps::nowMillis();
        if (until <= 0)
            return;
        wait = std::min(wait, std::chrono::milliseconds(until));
    }
    std::unique_lock lock(m_mutex);
    m_wake.wait_for(lock, wait, [&] { return m_wakeups != seen; });
}

void EmbeddedJobQueue::wake()
{
    {
        std::lock_guard lock(m_mutex);
        ++m_wakeups;
    }
    m_wake.notify_all();
}

common::Result<int> EmbeddedJobQueue::releaseAbandonedLeases(const std::string& owner)
{
    return m_db->write([&](store::Connection& c) -> common::Result<int> {
        return JobStore::releaseLeasesNotOwnedBy(c, owner, Timestamps::nowMillis());
    });
}

} // namespace builder::queue
