#include "PipelineRunner.h"

#include "ExecutionRun.h"
#include "common/Uuid.h"
#include "core/RunningExecutions.h"
#include "executor/Verifier.h"
#include "git/WorkspaceJanitor.h"
#include "queue/EmbeddedJobQueue.h"
#include "store/Database.h"
#include "store/ExecutionRuntimeStore.h"
#include "store/Timestamps.h"

#include <set>

namespace builder::pipeline {

using common::Error;
using common::StatusCode;

PipelineRunner::PipelineRunner(PipelineServices services)
    : m_services(std::move(services)), m_owner("builderd-" + common::Uuid::generateV4())
{}

PipelineRunner::~PipelineRunner()
{
    stop();
}

common::Status PipelineRunner::start()
{
    if (auto* embedded = dynamic_cast<queue::EmbeddedJobQueue*>(m_services.jobs)) {
        auto released = embedded->releaseAbandonedLeases(m_owner);
        if (!released.ok())
            return released.error();
    }
    cleanWorkspaces(true);
    for (int i = 0; i < std::max(1, m_services.config.workers); ++i)
        m_workers.emplace_back([this, i] { work(i); });
    m_heartbeat = std::thread([this] { heartbeat(); });
    return {};
}

void PipelineRunner::stop()
{
    if (m_stopping.exchange(true))
        return;
    {
        std::lock_guard lock(m_mutex);
        for (auto& [id, active] : m_active)
            active.cancel.cancel(Error(StatusCode::Unavailable, "builderd is shutting down"));
    }
    m_wake.notify_all();
    m_services.jobs->wake();
    for (auto& worker : m_workers)
        if (worker.joinable())
            worker.join();
    if (m_heartbeat.joinable())
        m_heartbeat.join();
}

void PipelineRunner::work(int)
{
    const std::vector<std::string> kinds{kExecuteJob};
    while (!m_stopping) {
        auto leased = m_services.jobs->lease(kinds, m_owner);
        if (!leased.ok() || !leased.value()) {
            m_services.jobs->waitForWork(kinds, std::chrono::seconds(5));
            continue;
        }
        auto lease = *leased.value();
        const auto executionId = lease.job.executionId;
        auto token = m_services.running->add(executionId);
        {
            std::lock_guard lock(m_mutex);
            if (m_stopping)
                token.cancel(Error(StatusCode::Unavailable, "builderd is shutting down"));
            m_active[lease.job.id] =
                Active{lease, token, std::chrono::system_clock::time_point::max(), 0};
        }
        const auto jobId = lease.job.id;
        ExecutionRun run(
            m_services, lease, token,
            [this, jobId](std::chrono::system_clock::time_point deadline, int timeoutMinutes) {
                std::lock_guard lock(m_mutex);
                if (auto it = m_active.find(jobId); it != m_active.end()) {
                    it->second.deadline = deadline;
                    it->second.timeoutMinutes = timeoutMinutes;
                }
                m_wake.notify_all();
            });
        run.run();
        {
            std::lock_guard lock(m_mutex);
            m_active.erase(jobId);
        }
        m_services.running->remove(executionId);
    }
}

void PipelineRunner::heartbeat()
{
    // The sandbox is probed once per process: here, not in the first execution.
    if (m_services.verifier)
        (void)m_services.verifier->sandbox();
    auto* embedded = dynamic_cast<queue::EmbeddedJobQueue*>(m_services.jobs);
    const auto leaseFor =
        embedded ? embedded->policy().lease : std::chrono::milliseconds(std::chrono::seconds(30));
    const auto every = std::max(std::chrono::milliseconds(50), leaseFor / 3);
    auto nextRenewal = std::chrono::steady_clock::now() + every;
    auto nextCleanup = std::chrono::steady_clock::now() + std::chrono::hours(1);
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        // Wake for the next renewal or the earliest deadline, whichever is first.
        auto wakeAt = nextRenewal;
        const auto nowSystem = std::chrono::system_clock::now();
        const auto nowSteady = std::chrono::steady_clock::now();
        for (const auto& [id, active] : m_active)
            if (active.deadline != std::chrono::system_clock::time_point::max())
                wakeAt = std::min(
                    wakeAt,
                    nowSteady +
                        std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::max(
                            active.deadline - nowSystem, std::chrono::system_clock::duration(0))));
        m_wake.wait_until(lock, wakeAt);
        if (m_stopping)
            break;
        const auto now = std::chrono::system_clock::now();
        std::vector<std::pair<store::JobLease, common::CancelToken>> toRenew;
        for (auto& [id, active] : m_active) {
            if (now >= active.deadline && !active.cancel.cancelled())
                active.cancel.cancel(Error(StatusCode::DeadlineExceeded,
                                           "the execution ran past its timeout_minutes (" +
                                               std::to_string(active.timeoutMinutes) + ")"));
            toRenew.emplace_back(active.lease, active.cancel);
        }
        if (std::chrono::steady_clock::now() < nextRenewal)
            continue;
        nextRenewal = std::chrono::steady_clock::now() + every;
        lock.unlock();
        for (auto& [lease, cancel] : toRenew)
            if (!m_services.jobs->renew(lease))
                cancel.cancel(Error(StatusCode::Aborted, "the job's lease was lost"));
        if (std::chrono::steady_clock::now() >= nextCleanup) {
            cleanWorkspaces(false);
            nextCleanup = std::chrono::steady_clock::now() + std::chrono::hours(1);
        }
        lock.lock();
    }
}

void PipelineRunner::cleanWorkspaces(bool atStart)
{
    const auto& config = m_services.config;
    const auto retention =
        std::chrono::duration_cast<std::chrono::seconds>(config.workspaceRetention);
    const auto since = store::Timestamps::nowMillis() - retention.count() * 1000;
    auto kept =
        m_services.db->read([&](store::Connection& c) -> common::Result<std::vector<std::string>> {
            return atStart ? store::ExecutionRuntimeStore::unfinishedOrSince(c, since)
                           : store::ExecutionRuntimeStore::unfinishedIds(c);
        });
    if (!kept.ok())
        return;
    const std::set<std::string> ids(kept->begin(), kept->end());
    const auto root = config.workspacesDir().string();
    // At start, whatever no kept execution owns goes (orphans of a crash, of
    // deleted rows); afterwards, finished executions' workspaces past retention.
    (void)(atStart ? git::WorkspaceJanitor::reconcile(root, ids, config.mirrorsDir().string())
                   : git::WorkspaceJanitor::removeExpired(root, ids, retention));
}

} // namespace builder::pipeline
