#pragma once

#include "EventBus.h"
#include "KillSwitchRules.h"
#include "common/Result.h"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace builder::store {
class Database;
}

namespace builder::core {

class KillSwitch;

// Runs the automatic kill-switch rules: listens to every execution's events
// (review.finding from the secret scanner, feature.completed, feature.failed),
// feeds them to KillSwitchRules on its own thread and trips the switch, as
// "builderd", naming the rule. Also re-reads the switch's state periodically,
// so a change made by another builderd on the same database takes effect.
class KillSwitchMonitor
{
public:
    KillSwitchMonitor(std::shared_ptr<store::Database> db, EventBus& bus, KillSwitch& killSwitch,
                      KillSwitchRuleConfig config);
    ~KillSwitchMonitor();

    // Seeds the rules from the database (findings and outcomes since the last
    // change of each switch), subscribes and starts the thread.
    common::Status start();
    void stop();

private:
    struct Item
    {
        std::string executionId;
        std::string type;
        std::int64_t atMillis = 0;
    };

    void onEvent(const std::string& executionId, const feature::feature::v1::FeatureEvent& event);
    void run();
    void process(const Item& item);
    void trip(const KillSwitchRules::Trip& trip);
    // Resets what a rule counted for a scope whose switch changed since last
    // seen; returns that change's time (0: never changed).
    std::int64_t sync(const std::string& repositoryId);
    std::string repositoryOf(const std::string& executionId);

    std::shared_ptr<store::Database> m_db;
    EventBus& m_bus;
    KillSwitch& m_killSwitch;
    KillSwitchRules m_rules;
    std::map<std::string, std::int64_t> m_seenChanges; // scope -> changed_at last seen
    std::map<std::string, std::string> m_repositories; // execution -> repository

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Item> m_queue;
    bool m_stopping = false;
    std::unique_ptr<EventBus::Subscription> m_subscription;
    std::thread m_thread;
};

} // namespace builder::core
