#pragma once

#include "common/Result.h"
#include "feature/feature/v1/feature.pb.h"
#include "store/JobStore.h"

#include <google/protobuf/struct.pb.h>

#include <functional>
#include <memory>
#include <string>

namespace builder::store {
class Connection;
class Database;
} // namespace builder::store
namespace builder::queue {
class JobQueue;
}
namespace builder::core {
class EventRecorder;
}

namespace builder::pipeline {

// Every write an execution's worker makes, fenced: inside the transaction it
// first checks that its job lease is still the current one and that the
// execution has not been finished by someone else (a Cancel). A fenced write
// changes nothing and returns Aborted, and the worker stops.
class RunWriter
{
public:
    RunWriter(std::shared_ptr<store::Database> db, queue::JobQueue& jobs,
              core::EventRecorder& events, store::JobLease lease);

    using Unit = std::function<common::Status(store::Connection&)>;
    common::Status write(const Unit& unit);

    // Inside a write: appends an event to this execution's log.
    void event(store::Connection& c, const std::string& type, const std::string& summary,
               const google::protobuf::Struct& payload = {});
    // Inside a write: moves the execution to `to` (no-op when already there),
    // with the feature.state_changed event; returns the execution as written.
    feature::feature::v1::FeatureExecution transition(store::Connection& c,
                                                      feature::feature::v1::FeatureState to);
    // Inside a write: stores the execution's mutable parts (plan, progress, result, error).
    void save(store::Connection& c, feature::feature::v1::FeatureExecution& execution);
    // Inside a write: the current row.
    feature::feature::v1::FeatureExecution load(store::Connection& c);

    const std::string& executionId() const { return m_lease.job.executionId; }
    const store::JobLease& lease() const { return m_lease; }
    std::shared_ptr<store::Database> db() const { return m_db; }
    queue::JobQueue& jobs() { return m_jobs; }

    static bool isFenced(const common::Error& error);

private:
    std::shared_ptr<store::Database> m_db;
    queue::JobQueue& m_jobs;
    core::EventRecorder& m_events;
    store::JobLease m_lease;
};

} // namespace builder::pipeline
