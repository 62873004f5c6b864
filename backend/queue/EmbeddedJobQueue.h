#pragma once

#include "JobQueue.h"

namespace builder::queue {

// The default queue: jobs live in the same SQLite database as everything else.
class EmbeddedJobQueue : public JobQueue
{
public:
    void enqueue(store::Connection& c, const store::JobRecord& job) override;
    void cancelForExecution(store::Connection& c, const std::string& executionId) override;
};

} // namespace builder::queue
