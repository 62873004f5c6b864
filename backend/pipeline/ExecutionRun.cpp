#include "ExecutionRun.h"

#include "AnalyzeImpactStage.h"
#include "ChangeRound.h"
#include "CodeStage.h"
#include "DeliveryStage.h"
#include "NormalizeSpecStage.h"
#include "PlanStage.h"
#include "Prompts.h"
#include "ReviewStage.h"
#include "RunContext.h"
#include "UsageTotals.h"
#include "VerifyStage.h"
#include "WorkspaceStage.h"
#include "core/EventRecorder.h"
#include "core/EventTypes.h"
#include "core/GitCredentials.h"
#include "core/KillSwitchCheck.h"
#include "core/RepositoryManager.h"
#include "core/RunningExecutions.h"
#include "git/Workspace.h"
#include "queue/JobQueue.h"
#include "store/Database.h"
#include "store/ExecutionRuntimeStore.h"
#include "store/ExecutionStore.h"
#include "store/JournalStore.h"
#include "store/RepositoryStore.h"
#include "store/ReviewRoundStore.h"
#include "store/Timestamps.h"

namespace builder::pipeline {

namespace fv1 = feature::feature::v1;
using common::Error;
using common::StatusCode;
using core::EventRecorder;

ExecutionRun::ExecutionRun(PipelineServices& services, store::JobLease lease,
                           common::CancelToken cancel, DeadlineSink deadline)
    : m_services(services), m_lease(std::move(lease)), m_cancel(std::move(cancel)),
      m_deadline(std::move(deadline))
{}

void ExecutionRun::run()
{
    RunContext ctx(m_services, m_lease, m_cancel);
    auto& jobs = *m_services.jobs;

    // Load, and end at once what is already over (a cancel raced the lease).
    auto loaded = m_services.db->write([&](store::Connection& c) -> common::Result<bool> {
        if (!jobs.holds(c, m_lease))
            return false;
        auto record = store::ExecutionStore::findById(c, m_lease.job.executionId);
        if (!record || store::ExecutionStore::isTerminal(record->execution.state())) {
            jobs.complete(c, m_lease);
            return false;
        }
        ctx.setExecution(record->execution);
        auto repo = store::RepositoryStore::findById(c, ctx.execution.repository_id());
        if (repo)
            ctx.repository = repo->repository;
        auto started = store::ExecutionRuntimeStore::markStarted(c, ctx.execution.id(),
                                                                 store::Timestamps::nowMillis());
        // Time spent waiting for a person does not count: the clock restarts
        // when a reviewer decided.
        if (auto round = store::ReviewRoundStore::latest(c, ctx.execution.id()))
            started = std::max(started, round->decidedAtMillis);
        if (m_deadline)
            m_deadline(std::chrono::system_clock::time_point(std::chrono::milliseconds(started)) +
                           m_services.config.timeoutMinute *
                               ctx.execution.spec().constraints().timeout_minutes(),
                       ctx.execution.spec().constraints().timeout_minutes());
        return true;
    });
    if (!loaded.ok() || !loaded.value())
        return;
    if (m_services.running)
        m_services.running->setRepository(ctx.execution.id(), ctx.repository.id());
    if (auto stop = ctx.stopCheck(); !stop.ok()) {
        pause(ctx, stop.error());
        return;
    }
    if (ctx.journal.get("state/paused")) {
        (void)ctx.writer.write([&](store::Connection& c) -> common::Status {
            store::JournalStore::erase(c, ctx.execution.id(), "state/paused");
            ctx.writer.event(c, "feature.resumed", "Resumed: the kill switch was released");
            return {};
        });
    }

    auto credential = m_services.repositories->credentialOf(ctx.repository.id());
    if (!credential.ok()) {
        fail(ctx, StageFailure::from(credential.error(), fv1::ERROR_CODE_REPOSITORY_ACCESS));
        return;
    }
    ctx.credential = core::GitCredentials::fromProto(credential.value());

    auto status = stages(ctx);
    if (status.ok())
        return;
    const auto& error = status.error();
    if (RunWriter::isFenced(error))
        return; // someone else owns it now, or it was cancelled: nothing more to write
    if (core::KillSwitchCheck::isStop(error)) {
        pause(ctx, error);
        return;
    }
    if (auto reason = m_cancel.reason()) {
        if (core::KillSwitchCheck::isStop(*reason)) {
            pause(ctx, *reason);
            return;
        }
        if (reason->code() == StatusCode::DeadlineExceeded) {
            StageFailure timeout;
            timeout.code = fv1::ERROR_CODE_TIMEOUT;
            timeout.message = reason->message();
            timeout.failedStep = ctx.currentStep;
            fail(ctx, timeout);
        }
        // Cancelled by a user (already CANCELLED in the store) or stopped for a
        // shutdown or a lost lease: the job is left for whoever comes next.
        return;
    }
    auto failure =
        StageFailure::from(error, static_cast<fv1::ErrorCode>(m_stageCode), ctx.currentStep);
    if (ctx.failureCode)
        failure.code = *ctx.failureCode;
    fail(ctx, failure);
}

common::Status ExecutionRun::stages(RunContext& ctx)
{
    m_stageCode = fv1::ERROR_CODE_REPOSITORY_ACCESS;
    if (auto s = WorkspaceStage::run(ctx); !s.ok())
        return s;
    m_stageCode = fv1::ERROR_CODE_ANALYSIS_FAILED;
    if (auto s = NormalizeSpecStage::run(ctx); !s.ok())
        return s;
    if (auto s = AnalyzeImpactStage::run(ctx); !s.ok())
        return s;
    m_stageCode = fv1::ERROR_CODE_PLANNING_FAILED;
    if (auto s = PlanStage::run(ctx); !s.ok())
        return s;
    ctx.headSha = ctx.baseSha;
    m_stageCode = fv1::ERROR_CODE_GENERATION_FAILED;
    if (auto s = CodeStage::run(ctx); !s.ok())
        return s;

    for (int round = 0;; ++round) {
        m_stageCode = fv1::ERROR_CODE_TEST_FAILED;
        if (auto s = VerifyStage::run(ctx, round); !s.ok())
            return s;
        m_stageCode = fv1::ERROR_CODE_POLICY_VIOLATION;
        auto verdict = ReviewStage::run(ctx, round);
        if (!verdict.ok())
            return verdict.error();
        if (verdict->decision == "abort")
            return Error(StatusCode::FailedPrecondition,
                         "the automated review stopped the execution: " + verdict->summary);
        std::string feedback;
        std::string key;
        if (verdict->decision == "iterate") {
            feedback = "The automated review found problems to fix:\n" + verdict->feedback;
            key = "done/review_fix/" + std::to_string(round);
        } else {
            auto deliver = humanGate(ctx, round, verdict->decision == "manual_review");
            if (!deliver.ok())
                return deliver.error();
            if (m_parked)
                return {};
            if (deliver.value())
                break;
            // A reviewer asked for changes: their comments drive the next round.
            auto comments =
                m_services.db->read([&](store::Connection& c) -> common::Result<std::string> {
                    std::string text;
                    auto r = store::ReviewRoundStore::find(c, ctx.execution.id(), round);
                    if (r && !r->comment.empty())
                        text += "Reviewer " + r->decidedBy + ": " + r->comment + "\n";
                    for (const auto& cm :
                         store::ReviewRoundStore::comments(c, ctx.execution.id(), round))
                        text += "- " + cm.file + ":" + std::to_string(cm.line) + " (" + cm.author +
                                "): " + cm.body + "\n";
                    return text;
                });
            if (!comments.ok())
                return comments.error();
            feedback = "A human reviewer asked for changes:\n" + comments.value();
            key = "done/human_fix/" + std::to_string(round);
        }
        m_stageCode = fv1::ERROR_CODE_GENERATION_FAILED;
        if (!ChangeRound::journaled(ctx, key)) {
            if (auto s = ctx.ensureState(fv1::FEATURE_STATE_EXECUTING); !s.ok())
                return s;
        }
        auto changed = ctx.workspace->diffStat(ctx.baseSha, ctx.headSha);
        std::vector<std::string> files;
        if (changed.ok())
            for (const auto& f : changed->perFile)
                files.push_back(f.path);
        auto fixed =
            ChangeRound::run(ctx, key, key.substr(5),
                             Prompts::repair(ctx.spec(), ctx.normalized, ctx.plan(), feedback,
                                             ctx.fileContext(files)),
                             [&](store::Connection& c, const RoundCommit& r) {
                                 ctx.writer.event(c, "review.fix_committed",
                                                  "Addressed review feedback: " + r.summary,
                                                  EventRecorder::payload({{"sha", r.sha}}));
                             });
        if (!fixed.ok())
            return fixed.error();
    }

    m_stageCode = fv1::ERROR_CODE_PUSH_FAILED;
    return DeliveryStage::run(ctx);
}

common::Result<bool> ExecutionRun::humanGate(RunContext& ctx, int round, bool manualReview)
{
    const auto props = ctx.properties();
    const auto it = props.find("require_approval");
    const bool required = manualReview || it == props.end() || it->second != "false";
    if (!required)
        return true;
    auto row = m_services.db->read(
        [&](store::Connection& c) -> common::Result<std::optional<store::ReviewRound>> {
            return store::ReviewRoundStore::find(c, ctx.execution.id(), round);
        });
    if (!row.ok())
        return row.error();
    if (row.value() && row.value()->decision == "approved") {
        if (row.value()->headSha != ctx.headSha)
            return common::Error::internal("the approved commit " + row.value()->headSha +
                                           " is not the execution's head " + ctx.headSha);
        return true;
    }
    if (row.value() && row.value()->decision == "changes_requested")
        return false;
    // Wait for a person: the round is opened with the transition, and the job ends.
    auto written = ctx.writer.write([&](store::Connection& c) -> common::Status {
        store::ReviewRound r;
        r.executionId = ctx.execution.id();
        r.round = round;
        r.baseSha = ctx.baseSha;
        r.headSha = ctx.headSha;
        r.createdAtMillis = store::Timestamps::nowMillis();
        store::ReviewRoundStore::open(c, r);
        if (ctx.execution.state() != fv1::FEATURE_STATE_AWAITING_REVIEW) {
            ctx.execution = ctx.writer.transition(c, fv1::FEATURE_STATE_AWAITING_REVIEW);
            auto payload = EventRecorder::payload(
                {{"head_sha", ctx.headSha},
                 {"base_sha", ctx.baseSha},
                 {"reason", manualReview ? "the automated review asks for a person"
                                         : "the repository requires approval"}});
            (*payload.mutable_fields())["round"].set_number_value(round);
            ctx.writer.event(c, "approval.requested",
                             "Waiting for a reviewer to approve " + ctx.headSha.substr(0, 12) +
                                 (manualReview ? " (the automated review asks for a person)" : ""),
                             payload);
        }
        ctx.writer.jobs().complete(c, ctx.writer.lease());
        return {};
    });
    if (!written.ok())
        return written.error();
    m_parked = true;
    return false;
}

void ExecutionRun::pause(RunContext& ctx, const common::Error& stop)
{
    auto& jobs = *m_services.jobs;
    (void)ctx.writer.write([&](store::Connection& c) -> common::Status {
        jobs.postpone(c, m_lease, std::chrono::seconds(2), stop.message());
        // One event per pause, not one per look at the switch.
        const auto paused = store::JournalStore::get(c, ctx.execution.id(), "state/paused");
        if (!paused) {
            ctx.journal.put(c, "state/paused", stop.message());
            ctx.writer.event(c, "feature.paused", "Paused: " + stop.message(),
                             EventRecorder::payload({{"reason", stop.message()}}));
        }
        return {};
    });
}

void ExecutionRun::fail(RunContext& ctx, const StageFailure& failure)
{
    auto& jobs = *m_services.jobs;
    const auto& codeName = fv1::ErrorCode_Name(failure.code);
    auto written = ctx.writer.write([&](store::Connection& c) -> common::Status {
        auto result = jobs.fail(c, m_lease, {failure.retryable, failure.message, codeName});
        using Outcome = queue::FailResult::Outcome;
        if (result.outcome == Outcome::Fenced)
            return Error(StatusCode::Aborted, "fenced");
        if (result.outcome == Outcome::Retrying) {
            auto payload =
                EventRecorder::payload({{"error_code", codeName}, {"message", failure.message}});
            auto& fields = *payload.mutable_fields();
            fields["level"].set_number_value(result.level);
            fields["retry_at_ms"].set_number_value(static_cast<double>(result.retryAtMillis));
            const auto inSeconds =
                (result.retryAtMillis - store::Timestamps::nowMillis() + 999) / 1000;
            ctx.writer.event(c, "job.retry_scheduled",
                             "Retry " + std::to_string(result.level) + " of 3 in " +
                                 std::to_string(inSeconds) + " s after: " + failure.message,
                             payload);
            return {};
        }
        auto e = ctx.writer.load(c);
        auto* error = e.mutable_error();
        error->set_code(failure.code);
        error->set_message(failure.message);
        error->set_retryable(result.outcome == Outcome::DeadLettered);
        error->set_failed_step(failure.failedStep);
        ctx.writer.save(c, e);
        ctx.writer.transition(c, fv1::FEATURE_STATE_FAILED);
        if (result.outcome == Outcome::DeadLettered)
            ctx.writer.event(c, "job.dead_lettered",
                             "Every retry failed; the job is in the dead-letter queue (" +
                                 result.deadLetterId + ") for an admin to requeue",
                             EventRecorder::payload({{"dead_letter_id", result.deadLetterId},
                                                     {"error_code", codeName}}));
        auto payload =
            EventRecorder::payload({{"error_code", codeName}, {"message", failure.message}});
        (*payload.mutable_fields())["failed_step"].set_number_value(failure.failedStep);
        UsageTotals::addTo(c, ctx.execution.id(), payload);
        ctx.writer.event(c, core::EventTypes::kFeatureFailed,
                         "Failed (" + codeName + "): " + failure.message, payload);
        return {};
    });
    (void)written;
}

} // namespace builder::pipeline
