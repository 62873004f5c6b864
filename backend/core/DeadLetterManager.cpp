#include "DeadLetterManager.h"

#include "AuditActions.h"
#include "AuditLog.h"
#include "EventRecorder.h"
#include "EventTypes.h"
#include "common/AdminValidation.h"
#include "queue/JobQueue.h"
#include "store/Database.h"
#include "store/DeadLetterStore.h"
#include "store/ExecutionStore.h"
#include "store/Timestamps.h"

namespace builder::core {

namespace av1 = feature::admin::v1;
namespace fv1 = feature::feature::v1;
using common::Error;

DeadLetterManager::DeadLetterManager(std::shared_ptr<store::Database> db, queue::JobQueue& jobs,
                                     EventRecorder& events, int defaultPageSize)
    : m_db(std::move(db)), m_jobs(jobs), m_events(events), m_defaultPageSize(defaultPageSize)
{}

common::Result<av1::ListDeadLettersResponse>
DeadLetterManager::list(const av1::ListDeadLettersRequest& request)
{
    if (auto violations = common::AdminValidation::validate(request); !violations.empty())
        return Error::invalid(std::move(violations));
    const int pageSize =
        request.pagination().page_size() > 0 ? request.pagination().page_size() : m_defaultPageSize;
    auto page = m_db->read([&](store::Connection& c) {
        return store::DeadLetterStore::list(c, pageSize, request.pagination().page_token());
    });
    if (!page.ok())
        return page.error();
    av1::ListDeadLettersResponse response;
    for (const auto& r : page->items) {
        auto* d = response.add_dead_letters();
        d->set_id(r.id);
        d->set_job_id(r.jobId);
        d->set_feature_execution_id(r.executionId);
        d->set_kind(r.kind);
        d->set_attempts(r.attempts);
        d->set_last_error(r.lastError);
        d->set_error_code(r.errorCode);
        store::Timestamps::fromMillis(r.failedAtMillis, d->mutable_failed_at());
    }
    response.mutable_pagination()->set_next_page_token(page->nextPageToken);
    response.mutable_pagination()->set_total_count(page->totalCount);
    return response;
}

common::Result<av1::RequeueDeadLetterResponse>
DeadLetterManager::requeue(const security::Principal& caller,
                           const av1::RequeueDeadLetterRequest& request)
{
    if (auto violations = common::AdminValidation::validate(request); !violations.empty())
        return Error::invalid(std::move(violations));
    return m_db->write([&](store::Connection& c) -> common::Result<av1::RequeueDeadLetterResponse> {
        auto letter = store::DeadLetterStore::find(c, request.id());
        if (!letter)
            return Error::notFound("dead letter " + request.id() + " not found");
        std::optional<store::ExecutionRecord> record;
        if (!letter->executionId.empty()) {
            record = store::ExecutionStore::findById(c, letter->executionId);
            if (record && record->execution.state() != fv1::FEATURE_STATE_FAILED)
                return Error::failedPrecondition(
                    "execution " + letter->executionId + " is " +
                    fv1::FeatureState_Name(record->execution.state()) +
                    ", not FAILED; only a failed execution's dead letter can be requeued");
        }
        auto jobId = m_jobs.requeueDeadLetter(c, request.id());
        if (!jobId.ok())
            return jobId.error();
        AuditLog::append(c, caller, AuditActions::kDeadLetterRequeue,
                         {AuditTargets::kDeadLetter, request.id()},
                         {{"job_id", jobId.value()},
                          {"feature_execution_id", letter->executionId},
                          {"kind", letter->kind}});
        if (record) {
            auto& e = record->execution;
            const auto from = e.state();
            e.set_state(fv1::FEATURE_STATE_PENDING);
            e.clear_error();
            e.clear_completed_at();
            store::Timestamps::fromMillis(store::Timestamps::nowMillis(), e.mutable_updated_at());
            store::ExecutionStore::update(c, e);
            m_events.record(c, e.id(), EventTypes::kFeatureStateChanged,
                            "State changed from " + fv1::FeatureState_Name(from) + " to " +
                                fv1::FeatureState_Name(e.state()),
                            EventRecorder::payload({{"from", fv1::FeatureState_Name(from)},
                                                    {"to", fv1::FeatureState_Name(e.state())}}));
            m_events.record(c, e.id(), "feature.requeued",
                            "Requeued from the dead-letter queue by " + caller.user + " as job " +
                                jobId.value(),
                            EventRecorder::payload({{"dead_letter_id", request.id()},
                                                    {"job_id", jobId.value()},
                                                    {"requeued_by", caller.user}}));
        }
        av1::RequeueDeadLetterResponse response;
        response.set_job_id(jobId.value());
        return response;
    });
}

} // namespace builder::core
