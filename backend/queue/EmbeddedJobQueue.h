#pragma once

#include "JobQueue.h"
#include "RetryPolicy.h"

#include <condition_variable>
#include <memory>
#include <mutex>

namespace builder::store {
class Database;
}

namespace builder::queue {

// The default queue: jobs live in the same SQLite database as everything else.
class EmbeddedJobQueue : public JobQueue
{
public:
    EmbeddedJobQueue(std::shared_ptr<store::Database> db, RetryPolicy policy = {});

    void enqueue(store::Connection& c, const store::JobRecord& job) override;
    void cancelForExecution(store::Connection& c, const std::string& executionId) override;
    common::Result<std::optional<store::JobLease>> lease(const std::vector<std::string>& kinds,
                                                         const std::string& owner) override;
    bool holds(store::Connection& c, const store::JobLease& lease) override;
    bool renew(const store::JobLease& lease) override;
    void complete(store::Connection& c, const store::JobLease& lease) override;
    FailResult fail(store::Connection& c, const store::JobLease& lease,
                    const JobFailure& failure) override;
    void postpone(store::Connection& c, const store::JobLease& lease,
                  std::chrono::milliseconds delay, const std::string& why) override;
    common::Result<std::string> requeueDeadLetter(store::Connection& c,
                                                  const std::string& deadLetterId) override;
    void waitForWork(const std::vector<std::string>& kinds, std::chrono::milliseconds max) override;
    void wake() override;

    // An embedded builderd is its database's only worker: leases left by a
    // previous process (killed, crashed) are released at start. Returns how many.
    common::Result<int> releaseAbandonedLeases(const std::string& owner);
    const RetryPolicy& policy() const { return m_policy; }

private:
    std::shared_ptr<store::Database> m_db;
    RetryPolicy m_policy;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::uint64_t m_wakeups = 0;
};

} // namespace builder::queue
