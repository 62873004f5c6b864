#pragma once

#include "AuditLog.h"
#include "ReviewDiffReader.h"
#include "common/Result.h"
#include "feature/feature/v1/feature.pb.h"
#include "feature/review/v1/review.pb.h"
#include "review/Thresholds.h"
#include "security/Role.h"

#include <filesystem>
#include <memory>

namespace builder::store {
class Connection;
class Database;
struct ExecutionRecord;
struct ReviewRound;
} // namespace builder::store
namespace builder::queue {
class JobQueue;
}

namespace builder::core {

class ArtifactLinks;
class EventRecorder;
class RunningExecutions;

// Decides the human side of review (ReviewService): shows the diff under review,
// and records a reviewer's approval, change request or rejection of the exact
// commit they saw. The pipeline stops at the gate (AWAITING_REVIEW with a pending
// review round); a decision here is committed with its events and the job that
// lets the pipeline go on, and its audit entry, in one transaction. Also runs the automated
// reviewer on any patch (ReviewPatch).
class ReviewManager
{
public:
    struct Settings
    {
        std::filesystem::path workspacesDir; // pipeline::PipelineConfig::workspacesDir()
        review::Thresholds thresholds;       // for ReviewPatch
    };

    ReviewManager(std::shared_ptr<store::Database> db, EventRecorder& events, queue::JobQueue& jobs,
                  Settings settings, RunningExecutions* running = nullptr);

    common::Result<feature::review::v1::GetDiffResponse>
    getDiff(const feature::review::v1::GetDiffRequest& request) const;
    // Never by the feature's author; idempotent for the same reviewer and commit.
    common::Result<feature::feature::v1::FeatureExecution>
    approve(const security::Principal& caller, const feature::review::v1::ApproveRequest& request);
    common::Result<feature::feature::v1::FeatureExecution>
    requestChanges(const security::Principal& caller,
                   const feature::review::v1::RequestChangesRequest& request);
    // Idempotent: rejecting a rejected execution returns it unchanged.
    common::Result<feature::feature::v1::FeatureExecution>
    reject(const security::Principal& caller, const feature::review::v1::RejectRequest& request);
    common::Result<feature::review::v1::ReviewPatchResponse>
    reviewPatch(const feature::review::v1::ReviewPatchRequest& request) const;

    // Signs artifact links in the executions this manager returns.
    void setArtifactLinks(const ArtifactLinks* links) { m_links = links; }

private:
    feature::feature::v1::FeatureExecution
    withLinks(feature::feature::v1::FeatureExecution e) const;
    void enqueueRun(store::Connection& c, const std::string& executionId);

    std::shared_ptr<store::Database> m_db;
    EventRecorder& m_events;
    queue::JobQueue& m_jobs;
    Settings m_settings;
    RunningExecutions* m_running;
    ReviewDiffReader m_diffs;
    AuditLog m_audit;
    const ArtifactLinks* m_links = nullptr;
};

} // namespace builder::core
