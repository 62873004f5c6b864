#include "KillSwitchMonitor.h"

#include "AuditActor.h"
#include "EventTypes.h"
#include "KillSwitch.h"
#include "store/Database.h"
#include "store/ExecutionStore.h"
#include "store/KillSwitchStore.h"
#include "store/Timestamps.h"

#include <algorithm>
#include <iostream>

namespace builder::core {

namespace {
constexpr const char* kFinding = "review.finding";
constexpr std::size_t kRepositoryCacheLimit = 10000;
} // namespace

KillSwitchMonitor::KillSwitchMonitor(std::shared_ptr<store::Database> db, EventBus& bus,
                                     KillSwitch& killSwitch, KillSwitchRuleConfig config)
    : m_db(std::move(db)), m_bus(bus), m_killSwitch(killSwitch), m_rules(config)
{}

KillSwitchMonitor::~KillSwitchMonitor()
{
    stop();
}

common::Status KillSwitchMonitor::start()
{
    const auto& config = m_rules.config();
    const auto now = store::Timestamps::nowMillis();
    const auto globalChange = sync("");
    struct Seed
    {
        std::vector<store::ExecutionOutcome> outcomes;
        std::vector<std::pair<std::string, std::int64_t>> secrets;
    };
    auto seed = m_db->read([&](store::Connection& c) -> common::Result<Seed> {
        Seed s;
        if (config.failureRule)
            s.outcomes = store::KillSwitchStore::recentOutcomes(
                c, globalChange, std::max(config.failureWindow, config.failureMinExecutions));
        if (config.secretsRule)
            s.secrets =
                store::KillSwitchStore::secretFindingsSince(c, now - config.secretsWindow.count());
        return s;
    });
    if (!seed.ok())
        return seed.error();
    // What happened before a restart still counts, oldest first; a rule that
    // holds over it trips now.
    for (auto it = seed->outcomes.rbegin(); it != seed->outcomes.rend(); ++it)
        if (auto t = m_rules.executionFinished(it->failed))
            trip(*t);
    for (const auto& [repositoryId, at] : seed->secrets)
        if (at > sync(repositoryId))
            if (auto t = m_rules.secretFound(repositoryId, at))
                trip(*t);

    m_subscription = m_bus.subscribeAll(
        [this](const std::string& executionId, const feature::feature::v1::FeatureEvent& event) {
            onEvent(executionId, event);
        });
    m_thread = std::thread([this] { run(); });
    return {};
}

void KillSwitchMonitor::stop()
{
    m_subscription.reset();
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void KillSwitchMonitor::onEvent(const std::string& executionId,
                                const feature::feature::v1::FeatureEvent& event)
{
    // Runs right after a commit under the write lock: decide cheaply, hand off.
    const auto& type = event.type();
    if (type == kFinding) {
        const auto& fields = event.payload().fields();
        const auto it = fields.find("source");
        if (it == fields.end() || it->second.string_value() != "secrets")
            return;
    } else if (type != EventTypes::kFeatureCompleted && type != EventTypes::kFeatureFailed) {
        return;
    }
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back({executionId, type, store::Timestamps::toMillis(event.timestamp())});
    }
    m_wake.notify_one();
}

void KillSwitchMonitor::run()
{
    const auto interval = m_rules.config().refreshInterval;
    auto nextRefresh = std::chrono::steady_clock::now() + interval;
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        m_wake.wait_until(lock, nextRefresh, [this] { return m_stopping || !m_queue.empty(); });
        while (!m_queue.empty() && !m_stopping) {
            auto item = std::move(m_queue.front());
            m_queue.pop_front();
            lock.unlock();
            process(item);
            lock.lock();
        }
        if (std::chrono::steady_clock::now() >= nextRefresh) {
            lock.unlock();
            m_killSwitch.refresh();
            lock.lock();
            nextRefresh = std::chrono::steady_clock::now() + interval;
        }
    }
}

void KillSwitchMonitor::process(const Item& item)
{
    if (item.type == kFinding) {
        const auto repositoryId = repositoryOf(item.executionId);
        if (repositoryId.empty() || item.atMillis <= sync(repositoryId))
            return;
        if (auto t = m_rules.secretFound(repositoryId, item.atMillis))
            trip(*t);
        return;
    }
    sync("");
    if (auto t = m_rules.executionFinished(item.type == EventTypes::kFeatureFailed))
        trip(*t);
}

void KillSwitchMonitor::trip(const KillSwitchRules::Trip& t)
{
    const auto current = m_killSwitch.state(t.repositoryId);
    if (current && current->engaged)
        return; // already stopped; the count starts again once it is released
    auto changed = m_killSwitch.change(AuditActor::system(), t.repositoryId, true, t.reason, true);
    if (!changed.ok()) {
        std::cerr << "builderd: kill switch rule " << t.rule
                  << " could not trip: " << changed.error().message() << "\n";
        return;
    }
    m_seenChanges[t.repositoryId] = changed->changedAtMillis;
}

std::int64_t KillSwitchMonitor::sync(const std::string& repositoryId)
{
    const auto current = m_killSwitch.state(repositoryId);
    const std::int64_t changedAt = current ? current->changedAtMillis : 0;
    auto& seen = m_seenChanges[repositoryId];
    if (seen != changedAt) {
        seen = changedAt;
        if (repositoryId.empty())
            m_rules.resetFailures();
        else
            m_rules.resetRepository(repositoryId);
    }
    return changedAt;
}

std::string KillSwitchMonitor::repositoryOf(const std::string& executionId)
{
    if (auto it = m_repositories.find(executionId); it != m_repositories.end())
        return it->second;
    auto found = m_db->read([&](store::Connection& c) -> common::Result<std::string> {
        auto record = store::ExecutionStore::findById(c, executionId);
        return record ? record->execution.repository_id() : std::string();
    });
    if (!found.ok() || found->empty())
        return {};
    if (m_repositories.size() >= kRepositoryCacheLimit)
        m_repositories.clear();
    m_repositories[executionId] = found.value();
    return found.value();
}

} // namespace builder::core
