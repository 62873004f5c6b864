#pragma once

#include "common/Result.h"
#include "feature/admin/v1/admin.pb.h"
#include "security/Role.h"

#include <memory>

namespace builder::store {
class Database;
}
namespace builder::queue {
class JobQueue;
}

namespace builder::core {

class EventRecorder;

// The dead-letter queue as admins see it: jobs that failed at every retry
// level, listed newest first, and requeued as a fresh job whose execution goes
// back to PENDING (its journal keeps what was done, so nothing is paid twice).
class DeadLetterManager
{
public:
    DeadLetterManager(std::shared_ptr<store::Database> db, queue::JobQueue& jobs,
                      EventRecorder& events, int defaultPageSize);

    common::Result<feature::admin::v1::ListDeadLettersResponse>
    list(const feature::admin::v1::ListDeadLettersRequest& request);
    common::Result<feature::admin::v1::RequeueDeadLetterResponse>
    requeue(const security::Principal& caller,
            const feature::admin::v1::RequeueDeadLetterRequest& request);

private:
    std::shared_ptr<store::Database> m_db;
    queue::JobQueue& m_jobs;
    EventRecorder& m_events;
    int m_defaultPageSize;
};

} // namespace builder::core
