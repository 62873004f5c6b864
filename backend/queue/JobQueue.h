#pragma once

#include "store/JobStore.h"

namespace builder::store {
class Connection;
}

namespace builder::queue {

// Durable hand-off of work from the API to the pipeline. enqueue() runs inside
// the caller's write transaction, so a job exists exactly when the state change
// that asked for it was committed (a transactional outbox for the scale-out
// queue as well).
class JobQueue
{
public:
    virtual ~JobQueue() = default;
    virtual void enqueue(store::Connection& c, const store::JobRecord& job) = 0;
    virtual void cancelForExecution(store::Connection& c, const std::string& executionId) = 0;
};

} // namespace builder::queue
