#include "EmbeddedJobQueue.h"

#include "store/Timestamps.h"

namespace builder::queue {

void EmbeddedJobQueue::enqueue(store::Connection& c, const store::JobRecord& job)
{
    store::JobStore::insert(c, job, store::Timestamps::nowMillis());
}

void EmbeddedJobQueue::cancelForExecution(store::Connection& c, const std::string& executionId)
{
    store::JobStore::cancelForExecution(c, executionId, store::Timestamps::nowMillis());
}

} // namespace builder::queue
