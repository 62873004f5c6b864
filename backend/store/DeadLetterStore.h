#pragma once

#include "Page.h"
#include "common/Result.h"

#include <cstdint>
#include <optional>
#include <string>

namespace builder::store {

class Connection;

// A job that failed at every retry level, kept for an admin to inspect and requeue.
struct DeadLetterRecord
{
    std::string id;
    std::string jobId;
    std::string executionId;
    std::string kind;
    int attempts = 0;
    std::string lastError;
    std::string errorCode; // the ErrorCode name, e.g. "ERROR_CODE_REPOSITORY_ACCESS"
    std::int64_t failedAtMillis = 0;
    std::int64_t requeuedAtMillis = 0;
    std::string requeuedJobId;
};

class DeadLetterStore
{
public:
    static void insert(Connection& c, const DeadLetterRecord& record);
    static std::optional<DeadLetterRecord> find(Connection& c, const std::string& id);
    // Newest first; keyset pages over (failed_at, id). Requeued letters are kept
    // (with their requeue time) so the history stays visible.
    static common::Result<Page<DeadLetterRecord>> list(Connection& c, int pageSize,
                                                       const std::string& pageToken);
    static void markRequeued(Connection& c, const std::string& id, const std::string& newJobId,
                             std::int64_t nowMillis);
};

} // namespace builder::store
