#include "EventBus.h"

namespace builder::core {

std::unique_ptr<EventBus::Subscription> EventBus::subscribe(const std::string& executionId,
                                                            Listener listener)
{
    std::lock_guard lock(m_mutex);
    const auto id = m_nextId++;
    auto slot = std::make_shared<Slot>();
    slot->listener = std::move(listener);
    m_listeners[executionId].push_back({id, std::move(slot)});
    ++m_count;
    return std::make_unique<Subscription>(this, executionId, id);
}

std::unique_ptr<EventBus::Subscription> EventBus::subscribeAll(AllListener listener)
{
    std::lock_guard lock(m_mutex);
    const auto id = m_nextId++;
    auto slot = std::make_shared<Slot>();
    slot->allListener = std::move(listener);
    m_allListeners.push_back({id, std::move(slot)});
    ++m_count;
    return std::make_unique<Subscription>(this, std::string(), id);
}

void EventBus::unsubscribe(const std::string& executionId, std::uint64_t id)
{
    std::shared_ptr<Slot> removed;
    {
        std::lock_guard lock(m_mutex);
        auto take = [&](std::vector<Entry>& entries) {
            for (auto e = entries.begin(); e != entries.end(); ++e) {
                if (e->id == id) {
                    removed = e->slot;
                    entries.erase(e);
                    --m_count;
                    return;
                }
            }
        };
        if (executionId.empty()) {
            take(m_allListeners);
        } else if (auto it = m_listeners.find(executionId); it != m_listeners.end()) {
            take(it->second);
            if (it->second.empty())
                m_listeners.erase(it);
        }
    }
    if (removed) {
        // Waits for a call in progress on another thread to finish.
        std::lock_guard gate(removed->gate);
        removed->active = false;
    }
}

void EventBus::publish(const std::string& executionId,
                       const feature::feature::v1::FeatureEvent& event)
{
    std::vector<std::shared_ptr<Slot>> targets;
    {
        std::lock_guard lock(m_mutex);
        auto it = m_listeners.find(executionId);
        if (it == m_listeners.end() && m_allListeners.empty())
            return;
        if (it != m_listeners.end()) {
            targets.reserve(it->second.size() + m_allListeners.size());
            for (const auto& e : it->second)
                targets.push_back(e.slot);
        }
        for (const auto& e : m_allListeners)
            targets.push_back(e.slot);
    }
    for (const auto& slot : targets) {
        std::lock_guard gate(slot->gate);
        if (!slot->active)
            continue;
        if (slot->listener)
            slot->listener(event);
        else
            slot->allListener(executionId, event);
    }
}

std::size_t EventBus::listenerCount() const
{
    std::lock_guard lock(m_mutex);
    return m_count;
}

} // namespace builder::core
