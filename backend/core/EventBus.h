#pragma once

#include "feature/feature/v1/feature.pb.h"

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace builder::core {

// In-process fan-out of committed events to live listeners, keyed by execution.
// publish() costs one map lookup and one call per listener of that execution,
// so hundreds of open streams on other executions cost nothing.
class EventBus
{
public:
    using Listener = std::function<void(const feature::feature::v1::FeatureEvent&)>;
    // A listener of every execution's events (rules, webhooks): it is told whose.
    using AllListener = std::function<void(const std::string& executionId,
                                           const feature::feature::v1::FeatureEvent&)>;

    // Removes its listener when destroyed.
    class Subscription
    {
    public:
        Subscription(EventBus* bus, std::string executionId, std::uint64_t id)
            : m_bus(bus), m_executionId(std::move(executionId)), m_id(id)
        {}
        Subscription(const Subscription&) = delete;
        Subscription& operator=(const Subscription&) = delete;
        ~Subscription() { m_bus->unsubscribe(m_executionId, m_id); }

    private:
        EventBus* m_bus;
        std::string m_executionId;
        std::uint64_t m_id;
    };

    std::unique_ptr<Subscription> subscribe(const std::string& executionId, Listener listener);
    // Listens to every execution. Called under the database's write lock right
    // after each commit, like every listener: hand the event off, never block.
    std::unique_ptr<Subscription> subscribeAll(AllListener listener);
    // Called after the event's transaction committed, in sequence order.
    void publish(const std::string& executionId, const feature::feature::v1::FeatureEvent& event);
    std::size_t listenerCount() const;

private:
    void unsubscribe(const std::string& executionId, std::uint64_t id);

    // A listener with a gate: once unsubscribe() has closed it, the listener
    // is neither running nor called again, even by a publish() that took its
    // snapshot earlier.
    struct Slot
    {
        std::recursive_mutex gate;
        bool active = true;
        Listener listener;
        AllListener allListener;
    };
    struct Entry
    {
        std::uint64_t id;
        std::shared_ptr<Slot> slot;
    };
    mutable std::mutex m_mutex;
    std::unordered_map<std::string, std::vector<Entry>> m_listeners;
    // Their subscriptions carry an empty execution id (real ids never are).
    std::vector<Entry> m_allListeners;
    std::uint64_t m_nextId = 1;
    std::size_t m_count = 0;
};

} // namespace builder::core
