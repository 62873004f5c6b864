#include "KillSwitch.h"

#include "AuditActions.h"
#include "AuditLog.h"
#include "EventRecorder.h"
#include "RunningExecutions.h"
#include "common/AdminValidation.h"
#include "queue/JobQueue.h"
#include "store/Database.h"
#include "store/RepositoryStore.h"
#include "store/Timestamps.h"

#include <google/protobuf/util/time_util.h>

#include <algorithm>
#include <mutex>

namespace builder::core {

namespace av1 = feature::admin::v1;
using common::Error;
using common::Result;
using store::KillSwitchRecord;

namespace {

std::string timeText(std::int64_t millis)
{
    google::protobuf::Timestamp ts;
    store::Timestamps::fromMillis(millis, &ts);
    return google::protobuf::util::TimeUtil::ToString(ts);
}

bool sameState(const KillSwitchRecord& a, const KillSwitchRecord& b)
{
    return a.engaged == b.engaged && a.reason == b.reason && a.changedBy == b.changedBy &&
           a.automatic == b.automatic && a.changedAtMillis == b.changedAtMillis;
}

} // namespace

KillSwitch::KillSwitch(std::shared_ptr<store::Database> db, EventRecorder& events,
                       const AuditLog& audit, RunningExecutions* running, queue::JobQueue* jobs)
    : m_db(std::move(db)), m_events(events), m_audit(audit), m_running(running), m_jobs(jobs)
{}

std::string KillSwitch::scopeName(const std::string& repositoryId)
{
    return repositoryId.empty() ? "global" : "repository " + repositoryId;
}

av1::KillSwitchState KillSwitch::toProto(const KillSwitchRecord& r)
{
    av1::KillSwitchState s;
    s.set_scope(r.repositoryId.empty() ? av1::KILL_SWITCH_SCOPE_GLOBAL
                                       : av1::KILL_SWITCH_SCOPE_REPOSITORY);
    s.set_repository_id(r.repositoryId);
    s.set_engaged(r.engaged);
    s.set_reason(r.reason);
    s.set_changed_by(r.changedBy);
    store::Timestamps::fromMillis(r.changedAtMillis, s.mutable_changed_at());
    s.set_automatic(r.automatic);
    return s;
}

common::Status KillSwitch::load()
{
    auto all = m_db->read([](store::Connection& c) -> Result<std::vector<KillSwitchRecord>> {
        return store::KillSwitchStore::loadAll(c);
    });
    if (!all.ok())
        return all.error();
    std::unique_lock lock(m_mutex);
    m_states.clear();
    int engaged = 0;
    for (const auto& r : all.value()) {
        m_states[r.repositoryId] = r;
        engaged += r.engaged ? 1 : 0;
    }
    m_engagedCount = engaged;
    return {};
}

std::optional<KillSwitchRecord> KillSwitch::state(const std::string& repositoryId) const
{
    std::shared_lock lock(m_mutex);
    auto it = m_states.find(repositoryId);
    if (it == m_states.end())
        return std::nullopt;
    return it->second;
}

common::Status KillSwitch::check(const std::string& repositoryId) const
{
    if (m_engagedCount.load(std::memory_order_acquire) == 0)
        return {};
    std::shared_lock lock(m_mutex);
    if (auto it = m_states.find(""); it != m_states.end() && it->second.engaged)
        return stopped(scopeName(""), it->second.reason);
    if (repositoryId.empty())
        return {};
    if (auto it = m_states.find(repositoryId); it != m_states.end() && it->second.engaged)
        return stopped(scopeName(repositoryId), it->second.reason);
    return {};
}

std::optional<Error> KillSwitch::refusal(const std::string& repositoryId) const
{
    for (const auto& scope : {std::string(), repositoryId}) {
        auto s = state(scope);
        if (s && s->engaged)
            return Error::failedPrecondition(
                "the kill switch is engaged " +
                (scope.empty() ? std::string("globally") : "for repository " + scope) + " by " +
                s->changedBy + (s->automatic ? " (automatic rule)" : "") + " since " +
                timeText(s->changedAtMillis) + ": " + s->reason +
                "; no new feature executions are accepted until an admin releases it");
        if (repositoryId.empty())
            break;
    }
    return std::nullopt;
}

Result<av1::GetKillSwitchResponse> KillSwitch::get() const
{
    auto all = m_db->read([](store::Connection& c) -> Result<std::vector<KillSwitchRecord>> {
        return store::KillSwitchStore::loadAll(c);
    });
    if (!all.ok())
        return all.error();
    av1::GetKillSwitchResponse response;
    response.mutable_global()->set_scope(av1::KILL_SWITCH_SCOPE_GLOBAL);
    std::vector<KillSwitchRecord> repositories;
    for (const auto& r : all.value()) {
        if (r.repositoryId.empty())
            *response.mutable_global() = toProto(r);
        else
            repositories.push_back(r);
    }
    // Engaged ones first, then the most recently changed.
    std::sort(repositories.begin(), repositories.end(), [](const auto& a, const auto& b) {
        if (a.engaged != b.engaged)
            return a.engaged;
        return a.changedAtMillis > b.changedAtMillis;
    });
    for (const auto& r : repositories)
        *response.add_repositories() = toProto(r);
    return response;
}

Result<av1::SetKillSwitchResponse> KillSwitch::set(const security::Principal& caller,
                                                   const av1::SetKillSwitchRequest& request)
{
    if (auto violations = common::AdminValidation::validate(request); !violations.empty())
        return Error::invalid(std::move(violations));
    const std::string repositoryId =
        request.scope() == av1::KILL_SWITCH_SCOPE_REPOSITORY ? request.repository_id() : "";
    auto changed = change(caller, repositoryId, request.engaged(), request.reason(), false);
    if (!changed.ok())
        return changed.error();
    av1::SetKillSwitchResponse response;
    *response.mutable_state() = toProto(changed.value());
    return response;
}

Result<KillSwitchRecord> KillSwitch::change(const AuditActor& actor,
                                            const std::string& repositoryId, bool engaged,
                                            const std::string& reason, bool automatic)
{
    return m_db->write([&](store::Connection& c) -> Result<KillSwitchRecord> {
        if (!repositoryId.empty() && !store::RepositoryStore::findById(c, repositoryId))
            return Error(common::StatusCode::NotFound,
                         "repository " + repositoryId + " does not exist",
                         {{"repository_id", "repository.exists",
                           "repository " + repositoryId + " does not exist"}});
        std::optional<KillSwitchRecord> current;
        for (auto& r : store::KillSwitchStore::loadAll(c))
            if (r.repositoryId == repositoryId)
                current = std::move(r);
        if (current && current->engaged == engaged && (!engaged || current->reason == reason))
            return *current; // idempotent: already so
        if (!current && !engaged) {
            KillSwitchRecord never;
            never.repositoryId = repositoryId;
            return never; // never engaged: nothing to release
        }
        KillSwitchRecord record;
        record.repositoryId = repositoryId;
        record.engaged = engaged;
        record.reason = reason;
        record.changedBy = actor.user;
        record.automatic = automatic;
        record.changedAtMillis = store::Timestamps::nowMillis();
        store::KillSwitchStore::save(c, record);

        const std::string scope = repositoryId.empty() ? "global" : "repository";
        m_audit.record(c, actor,
                       engaged ? AuditActions::kKillSwitchSet : AuditActions::kKillSwitchRelease,
                       {AuditTargets::kKillSwitch, repositoryId.empty() ? "global" : repositoryId},
                       {{"scope", scope},
                        {"repository_id", repositoryId},
                        {"engaged", engaged ? "true" : "false"},
                        {"automatic", automatic ? "true" : "false"}},
                       reason);
        // Every unfinished execution in scope learns why it stops (or may go on).
        auto payload = EventRecorder::payload({{"scope", scope},
                                               {"repository_id", repositoryId},
                                               {"reason", reason},
                                               {"changed_by", actor.user}});
        (*payload.mutable_fields())["engaged"].set_bool_value(engaged);
        (*payload.mutable_fields())["automatic"].set_bool_value(automatic);
        const std::string summary = std::string("Kill switch ") +
                                    (engaged ? "engaged" : "released") + " for " +
                                    scopeName(repositoryId) + " by " + actor.user + ": " + reason;
        for (const auto& id : store::KillSwitchStore::unfinishedExecutions(c, repositoryId))
            m_events.record(c, id, kChangedEvent, summary, payload);
        if (!engaged)
            store::KillSwitchStore::makePausedJobsDue(c, record.changedAtMillis);
        m_db->afterCommit([this, record] { apply(record); });
        return record;
    });
}

void KillSwitch::apply(const KillSwitchRecord& record)
{
    {
        std::unique_lock lock(m_mutex);
        auto& slot = m_states[record.repositoryId];
        const bool was = slot.engaged;
        slot = record;
        if (was != record.engaged)
            m_engagedCount.fetch_add(record.engaged ? 1 : -1, std::memory_order_release);
    }
    // The cache is updated first, so a run that resumes sees the new state.
    if (record.engaged) {
        if (m_running)
            m_running->cancelRepository(record.repositoryId,
                                        stopped(scopeName(record.repositoryId), record.reason));
    } else if (m_jobs) {
        m_jobs->wake();
    }
}

void KillSwitch::refresh()
{
    auto all = m_db->read([](store::Connection& c) -> Result<std::vector<KillSwitchRecord>> {
        return store::KillSwitchStore::loadAll(c);
    });
    if (!all.ok())
        return;
    for (const auto& r : all.value()) {
        auto cached = state(r.repositoryId);
        if (!cached || !sameState(*cached, r))
            apply(r);
    }
}

void KillSwitch::renderMetrics(std::string& out) const
{
    out += "# HELP builder_kill_switch_engaged Whether a kill switch stops work (1) or not (0).\n"
           "# TYPE builder_kill_switch_engaged gauge\n";
    std::shared_lock lock(m_mutex);
    auto global = m_states.find("");
    out += "builder_kill_switch_engaged{scope=\"global\"} " +
           std::string(global != m_states.end() && global->second.engaged ? "1" : "0") + "\n";
    for (const auto& [id, r] : m_states)
        if (!id.empty() && r.engaged)
            out += "builder_kill_switch_engaged{scope=\"repository\",repository_id=\"" + id +
                   "\"} 1\n";
}

} // namespace builder::core
