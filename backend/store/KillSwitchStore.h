#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace builder::store {

class Connection;

// One kill switch as stored: global (repositoryId empty) or one repository's.
struct KillSwitchRecord
{
    std::string repositoryId; // empty: the global switch
    bool engaged = false;
    std::string reason;
    std::string changedBy;
    bool automatic = false; // tripped by a rule rather than a person
    std::int64_t changedAtMillis = 0;
};

// A finished execution, for the failure-rate rule.
struct ExecutionOutcome
{
    std::string executionId;
    bool failed = false;
    std::int64_t completedAtMillis = 0;
};

// Kill-switch state (one row per scope) and its history (one row per change),
// plus the read-only questions the kill switch asks about executions.
class KillSwitchStore
{
public:
    static std::vector<KillSwitchRecord> loadAll(Connection& c);
    // Writes the current state and appends it to the history.
    static void save(Connection& c, const KillSwitchRecord& record);
    // Newest first, at most `limit` changes of one scope (repositoryId empty: global).
    static std::vector<KillSwitchRecord> history(Connection& c, const std::string& repositoryId,
                                                 int limit);
    // Executions not yet finished, of one repository (empty: of every repository).
    static std::vector<std::string> unfinishedExecutions(Connection& c,
                                                         const std::string& repositoryId);
    // Executions that completed or failed after `sinceMillis`, newest first.
    static std::vector<ExecutionOutcome> recentOutcomes(Connection& c, std::int64_t sinceMillis,
                                                        int limit);
    // Times of review.finding events whose payload source is "secrets", per
    // repository, since `sinceMillis` (oldest first).
    static std::vector<std::pair<std::string, std::int64_t>>
    secretFindingsSince(Connection& c, std::int64_t sinceMillis);
    // Makes jobs the pipeline postponed for a kill switch due now, so that a
    // release resumes them at once instead of at their next look. Returns how many.
    static int makePausedJobsDue(Connection& c, std::int64_t nowMillis);
};

} // namespace builder::store
