#pragma once

#include "Page.h"
#include "common/Result.h"
#include "feature/feature/v1/feature.pb.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace builder::store {

class Connection;

// An execution row: the public message plus what only the backend needs.
struct ExecutionRecord
{
    feature::feature::v1::FeatureExecution execution;
    std::string idempotencyKey;
    std::string createdBy; // the author, who may never approve it
    std::string retryOf;
    int fromStep = 0;
    std::uint64_t lastEventSeq = 0;
};

struct ExecutionQuery
{
    std::string repositoryId;
    std::vector<int> states;
    std::int64_t createdAfterMillis = 0;  // exclusive; 0 = unbounded
    std::int64_t createdBeforeMillis = 0; // exclusive; 0 = unbounded
    std::string text;                     // full-text query over title and description
    int pageSize = 50;
    std::string pageToken;
};

// Execution rows. Stateless; runs on the caller's connection and transaction.
class ExecutionStore
{
public:
    static void insert(Connection& c, const ExecutionRecord& record);
    // Writes state, plan, progress, error, result and timestamps.
    static void update(Connection& c, const feature::feature::v1::FeatureExecution& execution);
    static std::optional<ExecutionRecord> findById(Connection& c, const std::string& id);
    static std::optional<ExecutionRecord> findByIdempotencyKey(Connection& c,
                                                               const std::string& key);
    // The most recent execution with this correlation id.
    static std::optional<ExecutionRecord> findByCorrelation(Connection& c,
                                                            const std::string& correlationId);
    static std::optional<ExecutionRecord> findRetryOf(Connection& c, const std::string& parentId);
    static common::Result<Page<ExecutionRecord>> search(Connection& c, const ExecutionQuery& query);
    // Executions of a repository that have not reached a terminal state.
    static int countInProgress(Connection& c, const std::string& repositoryId);
    static std::vector<std::pair<int, int>> countByState(Connection& c);

    static bool isTerminal(feature::feature::v1::FeatureState state);
    // Turns user text into a safe FTS5 query (each word a quoted prefix term).
    static std::string ftsQuery(const std::string& text);
};

} // namespace builder::store
