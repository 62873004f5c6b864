#pragma once

#include "AuditActor.h"
#include "KillSwitchCheck.h"
#include "common/Result.h"
#include "feature/admin/v1/admin.pb.h"
#include "security/Role.h"
#include "store/KillSwitchStore.h"

#include <atomic>
#include <map>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>

namespace builder::store {
class Database;
}
namespace builder::queue {
class JobQueue;
}

namespace builder::core {

class AuditLog;
class EventRecorder;
class RunningExecutions;

// The kill switch: global and per repository, engaged and released by admins
// (with a reason) or tripped by builderd's rules. Its state is persisted with
// its history and audited; check() answers from memory for the pipeline's hot
// path. Engaging cancels the running executions in scope (they pause at their
// next side-effect boundary); releasing makes their postponed jobs due at once.
class KillSwitch final : public KillSwitchCheck
{
public:
    static constexpr const char* kChangedEvent = "killswitch.changed";

    KillSwitch(std::shared_ptr<store::Database> db, EventRecorder& events, const AuditLog& audit,
               RunningExecutions* running = nullptr, queue::JobQueue* jobs = nullptr);

    // Reads the persisted state (at start, before anything is served).
    common::Status load();

    common::Status check(const std::string& repositoryId) const override;
    // Why a new execution on this repository is refused (FAILED_PRECONDITION
    // naming the scope, who set it, when and why), or nothing.
    std::optional<common::Error> refusal(const std::string& repositoryId) const;
    // The cached state of one scope (empty id: global).
    std::optional<store::KillSwitchRecord> state(const std::string& repositoryId) const;

    common::Result<feature::admin::v1::GetKillSwitchResponse> get() const;
    common::Result<feature::admin::v1::SetKillSwitchResponse>
    set(const security::Principal& caller, const feature::admin::v1::SetKillSwitchRequest& request);
    // Engages or releases one scope (repositoryId empty: global). Setting what
    // is already set (same state and reason) changes nothing and records nothing.
    common::Result<store::KillSwitchRecord> change(const AuditActor& actor,
                                                   const std::string& repositoryId, bool engaged,
                                                   const std::string& reason, bool automatic);

    // Picks up changes another builderd made to the shared database.
    void refresh();
    // Prometheus lines: builder_kill_switch_engaged{scope=...}.
    void renderMetrics(std::string& out) const;

    static feature::admin::v1::KillSwitchState toProto(const store::KillSwitchRecord& record);
    // "global" or "repository <id>", as stop messages name it.
    static std::string scopeName(const std::string& repositoryId);

private:
    // Updates the cache and acts on the running executions.
    void apply(const store::KillSwitchRecord& record);

    std::shared_ptr<store::Database> m_db;
    EventRecorder& m_events;
    const AuditLog& m_audit;
    RunningExecutions* m_running;
    queue::JobQueue* m_jobs;

    mutable std::shared_mutex m_mutex;
    std::map<std::string, store::KillSwitchRecord> m_states; // "" = global
    std::atomic<int> m_engagedCount{0};                      // lets check() skip the lock
};

} // namespace builder::core
