#pragma once

#include "CoreConfig.h"
#include "common/Result.h"
#include "feature/feature/v1/feature.pb.h"
#include "security/Role.h"
#include "store/Page.h"

#include <memory>

namespace builder::store {
class Database;
}
namespace builder::queue {
class JobQueue;
}

namespace builder::core {

class ArtifactLinks;
class EventRecorder;
class KillSwitch;
class RunningExecutions;

// Decides everything about feature executions that the API exposes: create
// (validated, idempotent, handed to the job queue), read, search, cancel, retry.
class FeatureManager
{
public:
    static constexpr const char* kExecuteJob = "feature.execute";

    FeatureManager(std::shared_ptr<store::Database> db, EventRecorder& events,
                   queue::JobQueue& jobs, CoreConfig config, RunningExecutions* running = nullptr);

    common::Result<feature::feature::v1::FeatureExecution>
    create(const security::Principal& caller, const feature::feature::v1::CreateRequest& request);
    common::Result<feature::feature::v1::FeatureExecution> get(const std::string& id);
    common::Result<feature::feature::v1::FeatureExecution>
    getByCorrelation(const feature::feature::v1::GetByCorrelationRequest& request);
    common::Result<store::Page<feature::feature::v1::FeatureExecution>>
    search(const feature::feature::v1::SearchRequest& request);
    common::Result<feature::feature::v1::FeatureExecution>
    cancel(const security::Principal& caller, const feature::feature::v1::CancelRequest& request);
    common::Result<feature::feature::v1::FeatureExecution>
    retry(const security::Principal& caller, const feature::feature::v1::RetryRequest& request);
    common::Result<feature::feature::v1::GetArtifactsResponse>
    artifacts(const feature::feature::v1::GetArtifactsRequest& request);
    // Validates a ListEvents request and checks the execution exists.
    common::Status checkEventsRequest(const feature::feature::v1::ListEventsRequest& request);

    // Signs artifact links in the executions this manager returns.
    void setArtifactLinks(const ArtifactLinks* links) { m_links = links; }
    // Refuses Create and Retry while the kill switch is on for the repository.
    void setKillSwitch(const KillSwitch* killSwitch) { m_killSwitch = killSwitch; }

private:
    feature::feature::v1::FeatureExecution
    withLinks(feature::feature::v1::FeatureExecution e) const;
    feature::feature::v1::FeatureSpec withDefaults(const feature::feature::v1::FeatureSpec& spec,
                                                   const std::string& executionId,
                                                   const std::string& defaultBranch) const;

    std::shared_ptr<store::Database> m_db;
    EventRecorder& m_events;
    queue::JobQueue& m_jobs;
    CoreConfig m_config;
    RunningExecutions* m_running;
    const ArtifactLinks* m_links = nullptr;
    const KillSwitch* m_killSwitch = nullptr;
};

} // namespace builder::core
