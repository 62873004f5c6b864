#include "KillSwitchStore.h"

#include "Connection.h"
#include "feature/feature/v1/feature.pb.h"

#include <google/protobuf/struct.pb.h>

namespace builder::store {

namespace fv1 = feature::feature::v1;

namespace {

constexpr const char* kGlobal = "global";
constexpr const char* kRepository = "repository";

KillSwitchRecord readRow(const Statement& s)
{
    KillSwitchRecord r;
    r.repositoryId = s.text(0);
    r.engaged = s.int64(1) != 0;
    r.reason = s.text(2);
    r.changedBy = s.text(3);
    r.automatic = s.int64(4) != 0;
    r.changedAtMillis = s.int64(5);
    return r;
}

} // namespace

std::vector<KillSwitchRecord> KillSwitchStore::loadAll(Connection& c)
{
    auto s = c.prepare("SELECT repository_id, engaged, reason, changed_by, automatic, changed_at "
                       "FROM kill_switches ORDER BY scope, repository_id");
    std::vector<KillSwitchRecord> out;
    while (s.step())
        out.push_back(readRow(s));
    return out;
}

void KillSwitchStore::save(Connection& c, const KillSwitchRecord& r)
{
    const char* scope = r.repositoryId.empty() ? kGlobal : kRepository;
    auto upsert = c.prepare(
        "INSERT INTO kill_switches (scope, repository_id, engaged, reason, changed_by, automatic, "
        "changed_at) VALUES (?,?,?,?,?,?,?) ON CONFLICT(scope, repository_id) DO UPDATE SET "
        "engaged = excluded.engaged, reason = excluded.reason, changed_by = excluded.changed_by, "
        "automatic = excluded.automatic, changed_at = excluded.changed_at");
    upsert.bind(1, scope)
        .bind(2, r.repositoryId)
        .bind(3, r.engaged ? 1 : 0)
        .bind(4, r.reason)
        .bind(5, r.changedBy)
        .bind(6, r.automatic ? 1 : 0)
        .bind(7, r.changedAtMillis);
    upsert.run();
    auto history =
        c.prepare("INSERT INTO kill_switch_history (scope, repository_id, engaged, reason, "
                  "changed_by, automatic, changed_at) VALUES (?,?,?,?,?,?,?)");
    history.bind(1, scope)
        .bind(2, r.repositoryId)
        .bind(3, r.engaged ? 1 : 0)
        .bind(4, r.reason)
        .bind(5, r.changedBy)
        .bind(6, r.automatic ? 1 : 0)
        .bind(7, r.changedAtMillis);
    history.run();
}

std::vector<KillSwitchRecord> KillSwitchStore::history(Connection& c,
                                                       const std::string& repositoryId, int limit)
{
    auto s = c.prepare("SELECT repository_id, engaged, reason, changed_by, automatic, changed_at "
                       "FROM kill_switch_history WHERE scope = ? AND repository_id = ? "
                       "ORDER BY seq DESC LIMIT ?");
    s.bind(1, repositoryId.empty() ? kGlobal : kRepository).bind(2, repositoryId).bind(3, limit);
    std::vector<KillSwitchRecord> out;
    while (s.step())
        out.push_back(readRow(s));
    return out;
}

std::vector<std::string> KillSwitchStore::unfinishedExecutions(Connection& c,
                                                               const std::string& repositoryId)
{
    auto s = c.prepare("SELECT id FROM executions WHERE state NOT IN (?, ?, ?) AND "
                       "(? = '' OR repository_id = ?) ORDER BY seq");
    s.bind(1, static_cast<int>(fv1::FEATURE_STATE_COMPLETED))
        .bind(2, static_cast<int>(fv1::FEATURE_STATE_FAILED))
        .bind(3, static_cast<int>(fv1::FEATURE_STATE_CANCELLED))
        .bind(4, repositoryId)
        .bind(5, repositoryId);
    std::vector<std::string> out;
    while (s.step())
        out.push_back(s.text(0));
    return out;
}

std::vector<ExecutionOutcome> KillSwitchStore::recentOutcomes(Connection& c,
                                                              std::int64_t sinceMillis, int limit)
{
    auto s = c.prepare("SELECT id, state, completed_at FROM executions WHERE state IN (?, ?) AND "
                       "completed_at > ? ORDER BY completed_at DESC, seq DESC LIMIT ?");
    s.bind(1, static_cast<int>(fv1::FEATURE_STATE_COMPLETED))
        .bind(2, static_cast<int>(fv1::FEATURE_STATE_FAILED))
        .bind(3, sinceMillis)
        .bind(4, limit);
    std::vector<ExecutionOutcome> out;
    while (s.step())
        out.push_back({s.text(0), s.int64(1) == fv1::FEATURE_STATE_FAILED, s.int64(2)});
    return out;
}

std::vector<std::pair<std::string, std::int64_t>>
KillSwitchStore::secretFindingsSince(Connection& c, std::int64_t sinceMillis)
{
    // Only executions touched since then can hold such events; each one's
    // events are read by primary-key prefix.
    auto s = c.prepare("SELECT x.repository_id, e.created_at, e.payload FROM executions x "
                       "JOIN events e ON e.execution_id = x.id WHERE x.updated_at >= ? AND "
                       "e.type = 'review.finding' AND e.created_at >= ? ORDER BY e.created_at");
    s.bind(1, sinceMillis).bind(2, sinceMillis);
    std::vector<std::pair<std::string, std::int64_t>> out;
    while (s.step()) {
        google::protobuf::Struct payload;
        if (!payload.ParseFromString(s.blob(2)))
            continue;
        const auto it = payload.fields().find("source");
        if (it != payload.fields().end() && it->second.string_value() == "secrets")
            out.emplace_back(s.text(0), s.int64(1));
    }
    return out;
}

int KillSwitchStore::makePausedJobsDue(Connection& c, std::int64_t nowMillis)
{
    // The pipeline postpones with the stop's message, which starts with this.
    auto s = c.prepare("UPDATE jobs SET available_at = ? WHERE state = 'ready' AND "
                       "available_at > ? AND last_error LIKE 'kill switch on for %'");
    s.bind(1, nowMillis).bind(2, nowMillis);
    s.run();
    return static_cast<int>(c.changes());
}

} // namespace builder::store
