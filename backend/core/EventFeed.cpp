#include "EventFeed.h"

#include "WorkerPool.h"
#include "store/Database.h"
#include "store/EventStore.h"

#include <algorithm>

namespace builder::core {

namespace fv1 = feature::feature::v1;

std::shared_ptr<EventFeed> EventFeed::start(std::shared_ptr<store::Database> db, EventBus& bus,
                                            WorkerPool& pool, Options options,
                                            std::shared_ptr<EventSink> sink)
{
    std::shared_ptr<EventFeed> feed(new EventFeed(std::move(db), pool, options, std::move(sink)));
    std::weak_ptr<EventFeed> weak = feed;
    auto subscription = bus.subscribe(options.executionId, [weak](const fv1::FeatureEvent& e) {
        if (auto self = weak.lock())
            self->onLive(e);
    });
    std::lock_guard lock(feed->m_mutex);
    feed->m_subscription = std::move(subscription);
    feed->scheduleReplayLocked();
    return feed;
}

EventFeed::EventFeed(std::shared_ptr<store::Database> db, WorkerPool& pool, Options options,
                     std::shared_ptr<EventSink> sink)
    : m_db(std::move(db)), m_pool(pool), m_options(std::move(options)), m_sink(std::move(sink)),
      m_last(m_options.afterSequence)
{}

EventFeed::~EventFeed() = default;

std::uint64_t EventFeed::lastSequence() const
{
    std::lock_guard lock(m_mutex);
    return m_last;
}

void EventFeed::stop()
{
    std::unique_ptr<EventBus::Subscription> subscription;
    {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
        m_pending.clear();
        subscription = std::move(m_subscription);
    }
    // Destroyed outside the lock: unsubscribing takes the bus lock.
}

void EventFeed::resume()
{
    std::lock_guard lock(m_mutex);
    if (m_paused && !m_stopped) {
        m_paused = false;
        scheduleReplayLocked();
    }
}

void EventFeed::scheduleReplayLocked()
{
    if (m_replayScheduled || m_stopped)
        return;
    m_replayScheduled = true;
    m_live = false;
    m_pool.submit([self = shared_from_this()] { self->replay(); });
}

void EventFeed::onLive(const fv1::FeatureEvent& event)
{
    std::lock_guard lock(m_mutex);
    if (m_stopped || event.sequence_number() <= m_last)
        return;
    if (m_live && event.sequence_number() == m_last + 1) {
        m_last = event.sequence_number();
        if (m_options.eventTypes.empty() || m_options.eventTypes.contains(event.type())) {
            std::vector<store::EventStore::EncodedEvent> one;
            one.push_back(store::EventStore::encode(event));
            m_sink->push(std::move(one));
        }
        return;
    }
    m_pending.push_back(store::EventStore::encode(event));
    if (m_live) // a gap: fetch what is missing from the store
        scheduleReplayLocked();
}

void EventFeed::deliverLocked(std::vector<store::EventStore::EncodedEvent> events)
{
    if (events.empty())
        return;
    m_last = events.back().sequence;
    if (!m_options.eventTypes.empty()) {
        std::erase_if(events, [this](const store::EventStore::EncodedEvent& e) {
            return !m_options.eventTypes.contains(e.type);
        });
    }
    if (!events.empty())
        m_sink->push(std::move(events));
}

bool EventFeed::mergePendingLocked()
{
    std::sort(m_pending.begin(), m_pending.end(),
              [](const auto& a, const auto& b) { return a.sequence < b.sequence; });
    std::vector<store::EventStore::EncodedEvent> ready;
    std::uint64_t next = m_last + 1;
    while (!m_pending.empty()) {
        const auto seq = m_pending.front().sequence;
        if (seq < next) {
            m_pending.pop_front();
            continue;
        }
        if (seq != next)
            break;
        ready.push_back(std::move(m_pending.front()));
        m_pending.pop_front();
        ++next;
    }
    deliverLocked(std::move(ready));
    return m_pending.empty();
}

void EventFeed::replay()
{
    for (;;) {
        std::uint64_t after = 0;
        {
            std::lock_guard lock(m_mutex);
            if (m_stopped) {
                m_replayScheduled = false;
                return;
            }
            if (m_sink->congested()) {
                m_paused = true;
                m_replayScheduled = false;
                return;
            }
            after = m_last;
        }
        using Batch = std::vector<store::EventStore::EncodedEvent>;
        auto batch = m_db->read([&](store::Connection& c) -> common::Result<Batch> {
            return store::EventStore::listEncoded(c, m_options.executionId, after, kBatch);
        });
        std::lock_guard lock(m_mutex);
        if (m_stopped) {
            m_replayScheduled = false;
            return;
        }
        if (!batch.ok()) {
            m_replayScheduled = false;
            m_stopped = true;
            m_sink->fail(batch.error());
            return;
        }
        const bool full = static_cast<int>(batch.value().size()) == kBatch;
        if (!batch.value().empty() && batch.value().front().sequence == m_last + 1)
            deliverLocked(std::move(batch.value()));
        if (full)
            continue;
        // Caught up with the store: whatever arrived live meanwhile follows on.
        if (mergePendingLocked()) {
            m_live = true;
            m_replayScheduled = false;
            return;
        }
        // A gap remains between the store and the live events (a commit landed
        // between our read and now): read again.
    }
}

} // namespace builder::core
