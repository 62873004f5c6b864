#pragma once

#include <cstdint>
#include <string>

namespace builder::store {

class Connection;

// A unit of durable work handed from the API to the pipeline.
struct JobRecord
{
    std::string id;
    std::string kind;        // e.g. "feature.execute"
    std::string executionId; // may be empty for jobs not tied to an execution
    std::string payload;
    std::int64_t availableAtMillis = 0;
};

// Job rows; the queue (backend/queue) decides leases and retries on top.
class JobStore
{
public:
    static void insert(Connection& c, const JobRecord& job, std::int64_t nowMillis);
    static int countReady(Connection& c, const std::string& kind);
    // Marks every unfinished job of an execution as cancelled.
    static void cancelForExecution(Connection& c, const std::string& executionId,
                                   std::int64_t nowMillis);
};

} // namespace builder::store
