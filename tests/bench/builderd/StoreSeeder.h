#pragma once

#include "Vocabulary.h"
#include "common/Result.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace builder::store {
class Database;
}

namespace builder::bench {

// Prepopulates a builderd data directory through the store library, before
// builderd starts: repositories, executions with searchable text, and long
// event logs, written in a few big transactions.
class StoreSeeder
{
public:
    // Opens (creating and migrating) <dataDir>/builder.db.
    static common::Result<std::unique_ptr<StoreSeeder>> open(const std::string& dataDir);
    ~StoreSeeder();

    common::Result<std::string> addRepository(const std::string& name, const std::string& url);
    // One execution in state EXECUTING with `events` events (sequence 1..events),
    // committed `perTransaction` at a time.
    common::Result<std::string> addExecutionWithEvents(const std::string& repositoryId, int events,
                                                       int perTransaction);
    // `count` executions spread over `repositoryIds`, with titles and
    // descriptions drawn from `vocabulary`, mixed states and creation times one
    // minute apart ending now.
    common::Status addExecutions(const std::vector<std::string>& repositoryIds, int count,
                                 int perTransaction, const Vocabulary& vocabulary,
                                 std::uint32_t seed);
    // Closes the database so builderd owns it alone.
    void close();

    // The state mix of addExecutions: mostly finished work, a few of each
    // in-flight state (FeatureState numbers).
    static int stateFor(std::uint32_t draw);

private:
    explicit StoreSeeder(std::shared_ptr<store::Database> db) : m_db(std::move(db)) {}
    std::shared_ptr<store::Database> m_db;
};

} // namespace builder::bench
