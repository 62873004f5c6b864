#include "FeatureManager.h"

#include "ArtifactLinks.h"
#include "EventRecorder.h"
#include "EventTypes.h"
#include "KillSwitch.h"
#include "RunningExecutions.h"
#include "common/FeatureValidation.h"
#include "common/Slug.h"
#include "common/Uuid.h"
#include "queue/JobQueue.h"
#include "store/Database.h"
#include "store/ExecutionStore.h"
#include "store/JournalKeys.h"
#include "store/JournalStore.h"
#include "store/RepositoryStore.h"
#include "store/Timestamps.h"

#include <google/protobuf/util/message_differencer.h>

namespace builder::core {

namespace fv1 = feature::feature::v1;
using common::Error;
using common::Result;
using common::StatusCode;
using common::Violation;
using store::Connection;
using store::ExecutionStore;
using store::Timestamps;

namespace {

Error repositoryUnusable(const std::string& id, bool missing)
{
    Violation v{"spec.repository_id", "repository.active",
                missing ? "repository " + id + " does not exist"
                        : "repository " + id + " is not active"};
    return Error(missing ? StatusCode::NotFound : StatusCode::FailedPrecondition, v.message, {v});
}

Error executionNotFound(const std::string& id)
{
    return Error::notFound("feature execution " + id + " not found");
}

// The payload of feature.created, the same shape for new executions and retries.
google::protobuf::Struct
createdPayload(const fv1::FeatureExecution& e, const security::Principal& caller,
               std::initializer_list<std::pair<const char*, std::string>> extra = {})
{
    auto payload = EventRecorder::payload({{"repository_id", e.repository_id()},
                                           {"correlation_id", e.correlation_id()},
                                           {"feature_branch", e.spec().feature_branch()},
                                           {"target_branch", e.spec().target_branch()},
                                           {"created_by", caller.user}});
    for (const auto& [key, value] : extra)
        (*payload.mutable_fields())[key].set_string_value(value);
    return payload;
}

const char* stateName(fv1::FeatureState state)
{
    return fv1::FeatureState_Name(state).c_str();
}

} // namespace

FeatureManager::FeatureManager(std::shared_ptr<store::Database> db, EventRecorder& events,
                               queue::JobQueue& jobs, CoreConfig config, RunningExecutions* running)
    : m_db(std::move(db)), m_events(events), m_jobs(jobs), m_config(config), m_running(running)
{}

fv1::FeatureExecution FeatureManager::withLinks(fv1::FeatureExecution e) const
{
    if (m_links)
        m_links->sign(e);
    return e;
}

fv1::FeatureSpec FeatureManager::withDefaults(const fv1::FeatureSpec& spec,
                                              const std::string& executionId,
                                              const std::string& defaultBranch) const
{
    fv1::FeatureSpec out = spec;
    if (out.target_branch().empty())
        out.set_target_branch(defaultBranch);
    if (out.feature_branch().empty())
        out.set_feature_branch("feature/" + executionId.substr(0, 8) + "-" +
                               common::Slug::branchSlug(out.title()));
    auto* constraints = out.mutable_constraints();
    if (constraints->max_steps() == 0)
        constraints->set_max_steps(m_config.defaultMaxSteps);
    if (constraints->timeout_minutes() == 0)
        constraints->set_timeout_minutes(m_config.defaultTimeoutMinutes);
    return out;
}

Result<fv1::FeatureExecution> FeatureManager::create(const security::Principal& caller,
                                                     const fv1::CreateRequest& request)
{
    if (auto violations = common::FeatureValidation::validate(request); !violations.empty())
        return Error::invalid(std::move(violations));

    return m_db->write([&](Connection& c) -> Result<fv1::FeatureExecution> {
        if (!request.idempotency_key().empty()) {
            if (auto existing =
                    ExecutionStore::findByIdempotencyKey(c, request.idempotency_key())) {
                const auto& e = existing->execution;
                // The same key with a different request is a client bug, not a
                // retry: compare the whole spec as it would have been stored.
                const auto repo = store::RepositoryStore::findById(c, e.repository_id());
                const auto candidate = withDefaults(request.spec(), e.id(),
                                                    repo ? repo->repository.default_branch() : "");
                if (!google::protobuf::util::MessageDifferencer::Equals(candidate, e.spec()) ||
                    e.correlation_id() != request.correlation_id())
                    return Error(StatusCode::AlreadyExists,
                                 "idempotency_key was already used for a different request",
                                 {{"idempotency_key", "idempotency_key.unique",
                                   "idempotency_key was already used for a different request"}});
                return e;
            }
        }
        const auto repo = store::RepositoryStore::findById(c, request.spec().repository_id());
        if (!repo)
            return repositoryUnusable(request.spec().repository_id(), true);
        if (repo->repository.state() != feature::common::v1::STATE_ACTIVE)
            return repositoryUnusable(request.spec().repository_id(), false);
        if (m_killSwitch)
            if (auto refused = m_killSwitch->refusal(request.spec().repository_id()))
                return *refused;

        const auto now = Timestamps::nowMillis();
        store::ExecutionRecord record;
        auto& e = record.execution;
        e.set_id(common::Uuid::generateV4());
        e.set_correlation_id(request.correlation_id());
        e.set_repository_id(request.spec().repository_id());
        *e.mutable_spec() = withDefaults(request.spec(), e.id(), repo->repository.default_branch());
        e.set_state(fv1::FEATURE_STATE_PENDING);
        e.mutable_progress();
        Timestamps::fromMillis(now, e.mutable_created_at());
        Timestamps::fromMillis(now, e.mutable_updated_at());
        record.idempotencyKey = request.idempotency_key();
        record.createdBy = caller.user;
        ExecutionStore::insert(c, record);
        m_events.record(c, e.id(), EventTypes::kFeatureCreated,
                        "Feature \"" + e.spec().title() + "\" submitted by " + caller.user,
                        createdPayload(e, caller));
        m_jobs.enqueue(c, {common::Uuid::generateV4(), kExecuteJob, e.id(), {}, 0});
        return e;
    });
}

Result<fv1::FeatureExecution> FeatureManager::get(const std::string& id)
{
    fv1::GetRequest request;
    request.set_id(id);
    if (auto violations = common::FeatureValidation::validate(request); !violations.empty())
        return Error::invalid(std::move(violations));
    return m_db->read([&](Connection& c) -> Result<fv1::FeatureExecution> {
        auto record = ExecutionStore::findById(c, id);
        if (!record)
            return executionNotFound(id);
        return withLinks(record->execution);
    });
}

Result<fv1::FeatureExecution>
FeatureManager::getByCorrelation(const fv1::GetByCorrelationRequest& request)
{
    if (auto violations = common::FeatureValidation::validate(request); !violations.empty())
        return Error::invalid(std::move(violations));
    return m_db->read([&](Connection& c) -> Result<fv1::FeatureExecution> {
        auto record = ExecutionStore::findByCorrelation(c, request.correlation_id());
        if (!record)
            return Error::notFound("no feature execution with correlation_id " +
                                   request.correlation_id());
        return withLinks(record->execution);
    });
}

Result<store::Page<fv1::FeatureExecution>> FeatureManager::search(const fv1::SearchRequest& request)
{
    if (auto violations = common::FeatureValidation::validate(request); !violations.empty())
        return Error::invalid(std::move(violations));
    store::ExecutionQuery query;
    query.repositoryId = request.repository_id();
    for (int state : request.states())
        query.states.push_back(state);
    if (request.has_created_after())
        query.createdAfterMillis = Timestamps::toMillis(request.created_after());
    if (request.has_created_before())
        query.createdBeforeMillis = Timestamps::toMillis(request.created_before());
    query.text = request.query();
    query.pageSize = request.pagination().page_size() > 0 ? request.pagination().page_size()
                                                          : m_config.defaultPageSize;
    query.pageToken = request.pagination().page_token();
    auto page = m_db->read([&](Connection& c) { return ExecutionStore::search(c, query); });
    if (!page.ok())
        return page.error();
    store::Page<fv1::FeatureExecution> out;
    out.totalCount = page->totalCount;
    out.nextPageToken = page->nextPageToken;
    out.items.reserve(page->items.size());
    for (auto& record : page->items)
        out.items.push_back(withLinks(std::move(record.execution)));
    return out;
}

Result<fv1::FeatureExecution> FeatureManager::cancel(const security::Principal& caller,
                                                     const fv1::CancelRequest& request)
{
    if (auto violations = common::FeatureValidation::validate(request); !violations.empty())
        return Error::invalid(std::move(violations));
    return m_db->write([&](Connection& c) -> Result<fv1::FeatureExecution> {
        auto record = ExecutionStore::findById(c, request.id());
        if (!record)
            return executionNotFound(request.id());
        auto& e = record->execution;
        if (e.state() == fv1::FEATURE_STATE_CANCELLED)
            return e; // idempotent
        if (ExecutionStore::isTerminal(e.state()))
            return Error::failedPrecondition(
                "feature execution " + e.id() + " is already " +
                (e.state() == fv1::FEATURE_STATE_COMPLETED ? "completed" : "failed") +
                " and cannot be cancelled");
        const auto previous = e.state();
        const auto now = Timestamps::nowMillis();
        const std::string reason =
            request.reason().empty() ? "cancelled by " + caller.user : request.reason();
        e.set_state(fv1::FEATURE_STATE_CANCELLED);
        e.mutable_error()->set_code(fv1::ERROR_CODE_CANCELLED);
        e.mutable_error()->set_message(reason);
        e.mutable_error()->set_retryable(true);
        Timestamps::fromMillis(now, e.mutable_updated_at());
        Timestamps::fromMillis(now, e.mutable_completed_at());
        ExecutionStore::update(c, e);
        m_jobs.cancelForExecution(c, e.id());
        // A worker running it stops at once (LLM calls, sandboxed processes),
        // but only once the cancellation is committed.
        if (m_running)
            m_db->afterCommit([running = m_running, id = e.id(), reason] {
                running->cancel(id, Error(StatusCode::Cancelled, reason));
            });
        m_events.record(
            c, e.id(), EventTypes::kFeatureStateChanged,
            std::string("State changed from ") + stateName(previous) + " to " +
                stateName(e.state()),
            EventRecorder::payload({{"from", stateName(previous)}, {"to", stateName(e.state())}}));
        m_events.record(
            c, e.id(), EventTypes::kFeatureCancelled, "Cancelled by " + caller.user + ": " + reason,
            EventRecorder::payload({{"reason", reason}, {"cancelled_by", caller.user}}));
        return e;
    });
}

Result<fv1::FeatureExecution> FeatureManager::retry(const security::Principal& caller,
                                                    const fv1::RetryRequest& request)
{
    if (auto violations = common::FeatureValidation::validate(request); !violations.empty())
        return Error::invalid(std::move(violations));
    return m_db->write([&](Connection& c) -> Result<fv1::FeatureExecution> {
        auto parent = ExecutionStore::findById(c, request.id());
        if (!parent)
            return executionNotFound(request.id());
        const auto& p = parent->execution;
        if (p.state() != fv1::FEATURE_STATE_FAILED && p.state() != fv1::FEATURE_STATE_CANCELLED)
            return Error::failedPrecondition(std::string("only failed or cancelled executions can "
                                                         "be retried; ") +
                                             p.id() + " is " + stateName(p.state()));
        const int steps = p.plan().steps_size();
        if (request.from_step() > 0 && request.from_step() >= std::max(steps, 1))
            return Error::invalid("from_step", "retry.from_step",
                                  "from_step must be less than the plan's " +
                                      std::to_string(steps) + " steps");
        // Retrying the same execution twice returns the retry that already exists.
        if (auto child = ExecutionStore::findRetryOf(c, p.id()))
            return child->execution;
        const auto repo = store::RepositoryStore::findById(c, p.repository_id());
        if (!repo || repo->repository.state() != feature::common::v1::STATE_ACTIVE)
            return Error::failedPrecondition("repository " + p.repository_id() +
                                             " is no longer active");
        if (m_killSwitch)
            if (auto refused = m_killSwitch->refusal(p.repository_id()))
                return *refused;

        const auto now = Timestamps::nowMillis();
        store::ExecutionRecord record;
        auto& e = record.execution;
        e.set_id(common::Uuid::generateV4());
        e.set_correlation_id(p.correlation_id());
        e.set_repository_id(p.repository_id());
        *e.mutable_spec() = p.spec();
        e.set_state(fv1::FEATURE_STATE_PENDING);
        e.mutable_progress();
        Timestamps::fromMillis(now, e.mutable_created_at());
        Timestamps::fromMillis(now, e.mutable_updated_at());
        record.createdBy = caller.user;
        record.retryOf = p.id();
        record.fromStep = request.from_step();
        ExecutionStore::insert(c, record);
        // The model's answers for what the parent finished before from_step are
        // reused: the retry does not pay for them again.
        const auto reused = store::JournalStore::copy(
            c, p.id(), e.id(), store::JournalKeys::reusableByRetry(c, p.id(), request.from_step()),
            now);
        m_events.record(c, e.id(), EventTypes::kFeatureCreated,
                        "Retry of " + p.id() + " from step " + std::to_string(request.from_step()) +
                            " (" + std::to_string(reused) + " model answer(s) reused)",
                        createdPayload(e, caller,
                                       {{"retry_of", p.id()},
                                        {"from_step", std::to_string(request.from_step())},
                                        {"reused_answers", std::to_string(reused)}}));
        m_events.record(
            c, p.id(), EventTypes::kFeatureRetried, "Retried as " + e.id(),
            EventRecorder::payload(
                {{"retry_id", e.id()}, {"from_step", std::to_string(request.from_step())}}));
        m_jobs.enqueue(c, {common::Uuid::generateV4(), kExecuteJob, e.id(), {}, 0});
        return e;
    });
}

Result<fv1::GetArtifactsResponse> FeatureManager::artifacts(const fv1::GetArtifactsRequest& request)
{
    if (auto violations = common::FeatureValidation::validate(request); !violations.empty())
        return Error::invalid(std::move(violations));
    auto exists = m_db->read([&](Connection& c) -> Result<fv1::GetArtifactsResponse> {
        if (!ExecutionStore::findById(c, request.feature_execution_id()))
            return executionNotFound(request.feature_execution_id());
        return fv1::GetArtifactsResponse{};
    });
    if (!exists.ok() || !m_links)
        return exists;
    return m_links->list(request.feature_execution_id());
}

common::Status FeatureManager::checkEventsRequest(const fv1::ListEventsRequest& request)
{
    if (auto violations = common::FeatureValidation::validate(request); !violations.empty())
        return Error::invalid(std::move(violations));
    return m_db->read([&](Connection& c) -> common::Status {
        if (!ExecutionStore::findById(c, request.feature_execution_id()))
            return executionNotFound(request.feature_execution_id());
        return {};
    });
}

} // namespace builder::core
