#include "RunWriter.h"

#include "core/EventRecorder.h"
#include "core/EventTypes.h"
#include "queue/JobQueue.h"
#include "store/Database.h"
#include "store/ExecutionStore.h"
#include "store/Timestamps.h"

namespace builder::pipeline {

namespace fv1 = feature::feature::v1;
using common::Error;
using common::StatusCode;

namespace {
constexpr const char* kFenced = "fenced: this worker no longer owns the execution";
}

RunWriter::RunWriter(std::shared_ptr<store::Database> db, queue::JobQueue& jobs,
                     core::EventRecorder& events, store::JobLease lease)
    : m_db(std::move(db)), m_jobs(jobs), m_events(events), m_lease(std::move(lease))
{}

bool RunWriter::isFenced(const Error& error)
{
    return error.code() == StatusCode::Aborted && error.message() == kFenced;
}

common::Status RunWriter::write(const Unit& unit)
{
    return m_db->write([&](store::Connection& c) -> common::Status {
        if (!m_jobs.holds(c, m_lease))
            return Error(StatusCode::Aborted, kFenced);
        auto record = store::ExecutionStore::findById(c, executionId());
        if (!record || store::ExecutionStore::isTerminal(record->execution.state()))
            return Error(StatusCode::Aborted, kFenced);
        return unit(c);
    });
}

void RunWriter::event(store::Connection& c, const std::string& type, const std::string& summary,
                      const google::protobuf::Struct& payload)
{
    m_events.record(c, executionId(), type, summary, payload);
}

fv1::FeatureExecution RunWriter::load(store::Connection& c)
{
    auto record = store::ExecutionStore::findById(c, executionId());
    return record ? record->execution : fv1::FeatureExecution{};
}

void RunWriter::save(store::Connection& c, fv1::FeatureExecution& execution)
{
    store::Timestamps::fromMillis(store::Timestamps::nowMillis(), execution.mutable_updated_at());
    store::ExecutionStore::update(c, execution);
}

fv1::FeatureExecution RunWriter::transition(store::Connection& c, fv1::FeatureState to)
{
    auto e = load(c);
    if (e.state() == to)
        return e;
    const auto from = e.state();
    e.set_state(to);
    if (store::ExecutionStore::isTerminal(to))
        store::Timestamps::fromMillis(store::Timestamps::nowMillis(), e.mutable_completed_at());
    save(c, e);
    const auto& fromName = fv1::FeatureState_Name(from);
    const auto& toName = fv1::FeatureState_Name(to);
    event(c, core::EventTypes::kFeatureStateChanged,
          "State changed from " + fromName + " to " + toName,
          core::EventRecorder::payload({{"from", fromName}, {"to", toName}}));
    return e;
}

} // namespace builder::pipeline
