#include "ReviewManager.h"

#include "ApprovalEvents.h"
#include "ArtifactLinks.h"
#include "AuditActions.h"
#include "EventRecorder.h"
#include "EventTypes.h"
#include "FeatureManager.h"
#include "RunningExecutions.h"
#include "common/ReviewValidation.h"
#include "common/Uuid.h"
#include "queue/JobQueue.h"
#include "review/ReviewProto.h"
#include "review/Reviewer.h"
#include "store/Database.h"
#include "store/ExecutionStore.h"
#include "store/ReviewRoundStore.h"
#include "store/Timestamps.h"

namespace builder::core {

namespace fv1 = feature::feature::v1;
namespace rv1 = feature::review::v1;
using common::Error;
using common::Result;
using common::ReviewValidation;
using common::StatusCode;
using store::Connection;
using store::ExecutionStore;
using store::ReviewRoundStore;
using store::Timestamps;

namespace {

constexpr const char* kPending = "pending";
constexpr const char* kApproved = "approved";
constexpr const char* kChangesRequested = "changes_requested";
constexpr const char* kRejected = "rejected";

// The execution and the review round a decision is about.
struct UnderReview
{
    store::ExecutionRecord record;
    store::ReviewRound round;
};

std::string shortSha(const std::string& sha)
{
    return sha.substr(0, 12);
}

std::string stateName(fv1::FeatureState state)
{
    return fv1::FeatureState_Name(state);
}

Error notFound(const std::string& id)
{
    return Error::notFound("feature execution " + id + " not found");
}

// "round 2 was approved by bob" for messages about a decision already taken.
std::string decidedText(const store::ReviewRound& r)
{
    std::string decision =
        r.decision == kChangesRequested ? "sent back with change requests" : r.decision;
    return "review round " + std::to_string(r.round) + " (" + shortSha(r.headSha) + ") was " +
           decision + (r.decidedBy.empty() ? "" : " by " + r.decidedBy);
}

// The pending round of an execution in AWAITING_REVIEW whose head is `sha`,
// or the error that tells the reviewer why there is nothing to decide on.
// `what` starts the stale-commit message ("approval", "change request").
Result<UnderReview> underReview(Connection& c, const std::string& id, const std::string& sha,
                                const std::string& what)
{
    auto record = ExecutionStore::findById(c, id);
    if (!record)
        return notFound(id);
    const auto& e = record->execution;
    auto round = ReviewRoundStore::latest(c, id);
    if (e.state() != fv1::FEATURE_STATE_AWAITING_REVIEW) {
        std::string message = "feature execution " + id + " is " + stateName(e.state()) +
                              ", not awaiting review: there is no diff to decide on";
        if (round && round->decision != kPending)
            message += " (" + decidedText(*round) + ")";
        return Error::failedPrecondition(message);
    }
    if (!round)
        return Error::failedPrecondition("feature execution " + id +
                                         " has no review round open yet");
    if (round->decision != kPending)
        return Error::failedPrecondition(decidedText(*round) +
                                         "; the pipeline has not picked the decision up yet");
    if (!sha.empty() && sha != round->headSha) {
        const std::string message = what + " is for " + sha + " but the diff under review is at " +
                                    round->headSha + "; reload the diff and review that commit";
        return Error(StatusCode::FailedPrecondition, message,
                     {{"commit_sha", "review.head_sha", message}});
    }
    return UnderReview{std::move(*record), std::move(*round)};
}

google::protobuf::Struct
decisionPayload(const store::ReviewRound& round, const char* byKey, const std::string& by,
                std::initializer_list<std::pair<const char*, std::string>> extra)
{
    auto payload = EventRecorder::payload(
        {{"commit_sha", round.headSha}, {"base_sha", round.baseSha}, {byKey, by}});
    auto& fields = *payload.mutable_fields();
    fields["round"].set_number_value(round.round);
    for (const auto& [key, value] : extra)
        fields[key].set_string_value(value);
    return payload;
}

// What an audit entry of a decision names besides who, what and why.
AuditDetails auditDetails(const store::ReviewRound& round)
{
    return {{"commit_sha", round.headSha},
            {"base_sha", round.baseSha},
            {"round", std::to_string(round.round)}};
}

void recordStateChange(EventRecorder& events, Connection& c, const std::string& id,
                       fv1::FeatureState from, fv1::FeatureState to)
{
    events.record(c, id, EventTypes::kFeatureStateChanged,
                  "State changed from " + stateName(from) + " to " + stateName(to),
                  EventRecorder::payload({{"from", stateName(from)}, {"to", stateName(to)}}));
}

} // namespace

ReviewManager::ReviewManager(std::shared_ptr<store::Database> db, EventRecorder& events,
                             queue::JobQueue& jobs, Settings settings, RunningExecutions* running)
    : m_db(std::move(db)), m_events(events), m_jobs(jobs), m_settings(std::move(settings)),
      m_running(running), m_diffs(m_db, m_settings.workspacesDir), m_audit(m_db)
{}

fv1::FeatureExecution ReviewManager::withLinks(fv1::FeatureExecution e) const
{
    if (m_links)
        m_links->sign(e);
    return e;
}

void ReviewManager::enqueueRun(Connection& c, const std::string& executionId)
{
    m_jobs.enqueue(c,
                   {common::Uuid::generateV4(), FeatureManager::kExecuteJob, executionId, {}, 0});
}

Result<rv1::GetDiffResponse> ReviewManager::getDiff(const rv1::GetDiffRequest& request) const
{
    if (auto violations = ReviewValidation::validate(request); !violations.empty())
        return Error::invalid(std::move(violations));
    return m_diffs.read(request.feature_execution_id());
}

Result<fv1::FeatureExecution> ReviewManager::approve(const security::Principal& caller,
                                                     const rv1::ApproveRequest& request)
{
    if (auto violations = ReviewValidation::validate(request); !violations.empty())
        return Error::invalid(std::move(violations));
    const auto& id = request.feature_execution_id();
    const auto sha = ReviewValidation::normalizedSha(request.commit_sha());
    auto approved = m_db->write([&](Connection& c) -> Result<fv1::FeatureExecution> {
        auto record = ExecutionStore::findById(c, id);
        if (!record)
            return notFound(id);
        if (record->createdBy == caller.user)
            return Error::permissionDenied(
                caller.user + " created feature execution " + id +
                " and cannot approve it: a feature's author never approves their own change, "
                "whatever their role; ask another reviewer");
        // The same approval again (a retried call) changes nothing.
        const auto latest = ReviewRoundStore::latest(c, id);
        if (latest && latest->decision == kApproved && latest->headSha == sha &&
            latest->decidedBy == caller.user)
            return record->execution;
        auto target = underReview(c, id, sha, "approval");
        if (!target.ok())
            return target.error();
        const auto& round = target->round;
        if (!ReviewRoundStore::decide(c, id, round.round, kApproved, caller.user, request.comment(),
                                      Timestamps::nowMillis()))
            return Error(StatusCode::Aborted, "review round " + std::to_string(round.round) +
                                                  " was decided concurrently; reload the diff");
        m_events.record(
            c, id, ApprovalEvents::kGranted,
            "Approved " + shortSha(sha) + " by " + caller.user +
                (request.comment().empty() ? "" : ": " + request.comment()),
            decisionPayload(round, "approved_by", caller.user, {{"comment", request.comment()}}));
        m_audit.record(c, caller, AuditActions::kApprove, {AuditTargets::kExecution, id},
                       auditDetails(round), request.comment());
        enqueueRun(c, id);
        return target->record.execution;
    });
    if (!approved.ok())
        return approved;
    return withLinks(std::move(approved).value());
}

Result<fv1::FeatureExecution>
ReviewManager::requestChanges(const security::Principal& caller,
                              const rv1::RequestChangesRequest& request)
{
    if (auto violations = ReviewValidation::validate(request); !violations.empty())
        return Error::invalid(std::move(violations));
    const auto& id = request.feature_execution_id();
    const auto sha = ReviewValidation::normalizedSha(request.commit_sha());
    auto sent = m_db->write([&](Connection& c) -> Result<fv1::FeatureExecution> {
        auto target = underReview(c, id, sha, "change request");
        if (!target.ok())
            return target.error();
        const auto& round = target->round;
        const auto now = Timestamps::nowMillis();
        for (const auto& comment : request.comments()) {
            store::ReviewCommentRecord r;
            r.id = common::Uuid::generateV4();
            r.executionId = id;
            r.round = round.round;
            r.file = comment.file();
            r.line = comment.line();
            r.side = comment.side() == rv1::COMMENT_SIDE_OLD ? rv1::COMMENT_SIDE_OLD
                                                             : rv1::COMMENT_SIDE_NEW;
            r.body = comment.body();
            r.author = caller.user;
            r.createdAtMillis = now;
            ReviewRoundStore::addComment(c, r);
        }
        if (!ReviewRoundStore::decide(c, id, round.round, kChangesRequested, caller.user,
                                      request.summary(), now))
            return Error(StatusCode::Aborted, "review round " + std::to_string(round.round) +
                                                  " was decided concurrently; reload the diff");
        auto& e = target->record.execution;
        const auto previous = e.state();
        e.set_state(fv1::FEATURE_STATE_EXECUTING);
        Timestamps::fromMillis(now, e.mutable_updated_at());
        ExecutionStore::update(c, e);
        recordStateChange(m_events, c, id, previous, e.state());
        const auto count = std::to_string(request.comments_size());
        m_events.record(
            c, id, ApprovalEvents::kChangesRequested,
            caller.user + " requested changes to " + shortSha(round.headSha) + " (" + count +
                " comment(s))" + (request.summary().empty() ? "" : ": " + request.summary()),
            [&] {
                auto p = decisionPayload(round, "requested_by", caller.user,
                                         {{"summary", request.summary()}});
                (*p.mutable_fields())["comments"].set_number_value(request.comments_size());
                return p;
            }());
        auto details = auditDetails(round);
        details["comments"] = count;
        m_audit.record(c, caller, AuditActions::kRequestChanges, {AuditTargets::kExecution, id},
                       details, request.summary());
        enqueueRun(c, id);
        return e;
    });
    if (!sent.ok())
        return sent;
    return withLinks(std::move(sent).value());
}

Result<fv1::FeatureExecution> ReviewManager::reject(const security::Principal& caller,
                                                    const rv1::RejectRequest& request)
{
    if (auto violations = ReviewValidation::validate(request); !violations.empty())
        return Error::invalid(std::move(violations));
    const auto& id = request.feature_execution_id();
    auto rejected = m_db->write([&](Connection& c) -> Result<fv1::FeatureExecution> {
        auto record = ExecutionStore::findById(c, id);
        if (!record)
            return notFound(id);
        const auto state = record->execution.state();
        if (state == fv1::FEATURE_STATE_FAILED &&
            record->execution.error().code() == fv1::ERROR_CODE_REJECTED)
            return record->execution; // already rejected
        if (state != fv1::FEATURE_STATE_AWAITING_REVIEW)
            return Error::failedPrecondition(
                "feature execution " + id + " is " + stateName(state) +
                ": only an execution awaiting review can be rejected (feature cancel stops a "
                "running one)");
        auto target = underReview(c, id, {}, {});
        if (!target.ok())
            return target.error();
        const auto& round = target->round;
        const auto now = Timestamps::nowMillis();
        if (!ReviewRoundStore::decide(c, id, round.round, kRejected, caller.user, request.reason(),
                                      now))
            return Error(StatusCode::Aborted, "review round " + std::to_string(round.round) +
                                                  " was decided concurrently; reload the diff");
        auto& e = target->record.execution;
        const auto previous = e.state();
        e.set_state(fv1::FEATURE_STATE_FAILED);
        auto* error = e.mutable_error();
        error->set_code(fv1::ERROR_CODE_REJECTED);
        error->set_message(request.reason());
        error->set_retryable(false);
        error->set_failed_step(0);
        auto& details = *error->mutable_details()->mutable_fields();
        details["rejected_by"].set_string_value(caller.user);
        details["commit_sha"].set_string_value(round.headSha);
        details["round"].set_number_value(round.round);
        Timestamps::fromMillis(now, e.mutable_updated_at());
        Timestamps::fromMillis(now, e.mutable_completed_at());
        ExecutionStore::update(c, e);
        m_jobs.cancelForExecution(c, id);
        if (m_running)
            m_db->afterCommit([running = m_running, id, reason = request.reason()] {
                running->cancel(id, Error(StatusCode::Cancelled, "rejected: " + reason));
            });
        recordStateChange(m_events, c, id, previous, e.state());
        m_events.record(
            c, id, ApprovalEvents::kRejected,
            "Rejected by " + caller.user + ": " + request.reason(),
            decisionPayload(round, "rejected_by", caller.user, {{"reason", request.reason()}}));
        const auto& codeName = fv1::ErrorCode_Name(fv1::ERROR_CODE_REJECTED);
        auto failed = EventRecorder::payload({{"error_code", codeName},
                                              {"message", request.reason()},
                                              {"rejected_by", caller.user}});
        (*failed.mutable_fields())["failed_step"].set_number_value(0);
        m_events.record(c, id, EventTypes::kFeatureFailed,
                        "Failed (" + codeName + "): " + request.reason(), failed);
        m_audit.record(c, caller, AuditActions::kReject, {AuditTargets::kExecution, id},
                       auditDetails(round), request.reason());
        return e;
    });
    if (!rejected.ok())
        return rejected;
    return withLinks(std::move(rejected).value());
}

Result<rv1::ReviewPatchResponse>
ReviewManager::reviewPatch(const rv1::ReviewPatchRequest& request) const
{
    if (auto violations = ReviewValidation::validate(request); !violations.empty())
        return Error::invalid(std::move(violations));
    review::ReviewInput input;
    input.thresholds = m_settings.thresholds;
    const review::Reviewer reviewer; // deterministic: no model for patches handed in
    auto report = reviewer.reviewPatch(request.diff(), std::move(input));
    if (!report.ok()) {
        const auto& error = report.error();
        if (!error.violations().empty())
            return Error::invalid(error.violations());
        return Error::invalid("diff", "diff.syntax", error.message());
    }
    if (report->filesReviewed == 0)
        return Error::invalid("diff", "diff.syntax",
                              "value contains no file changes: expected a unified diff (git diff, "
                              "git format-patch or diff -u output)");
    return review::ReviewProto::toProto(*report);
}

} // namespace builder::core
