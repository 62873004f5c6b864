#pragma once

#include "PipelineServices.h"
#include "common/CancelToken.h"
#include "common/Result.h"
#include "store/JobStore.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace builder::pipeline {

// The pipeline's workers: each leases the next execute job and runs it to the
// end of its turn; a heartbeat renews the leases of running executions (a
// lost lease cancels the run) and enforces each execution's timeout.
class PipelineRunner
{
public:
    static constexpr const char* kExecuteJob = "feature.execute";

    explicit PipelineRunner(PipelineServices services);
    ~PipelineRunner();
    PipelineRunner(const PipelineRunner&) = delete;
    PipelineRunner& operator=(const PipelineRunner&) = delete;

    // Releases leases a previous process left, removes orphaned workspaces,
    // and starts the workers.
    common::Status start();
    // Cancels running executions (they resume at the next start) and joins.
    void stop();

private:
    struct Active
    {
        store::JobLease lease;
        common::CancelToken cancel;
        std::chrono::system_clock::time_point deadline =
            std::chrono::system_clock::time_point::max();
        int timeoutMinutes = 0;
    };

    void work(int index);
    void heartbeat();
    void cleanWorkspaces(bool atStart);

    PipelineServices m_services;
    std::string m_owner;
    std::atomic<bool> m_stopping{false};
    std::vector<std::thread> m_workers;
    std::thread m_heartbeat;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::map<std::string, Active> m_active; // by job id
};

} // namespace builder::pipeline
