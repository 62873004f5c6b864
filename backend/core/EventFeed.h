#pragma once

#include "EventBus.h"
#include "EventSink.h"

#include <deque>
#include <memory>
#include <mutex>
#include <set>
#include <string>

namespace builder::store {
class Database;
}

namespace builder::core {

class WorkerPool;

// ListEvents' semantics, for every transport: replay the stored events after
// `afterSequence`, then deliver new ones live, with no gap and no duplicate.
//
// The feed subscribes to the bus before it reads history; live events that
// arrive during the replay wait in `m_pending` and are merged by sequence
// number, and any gap (a live event ahead of what was delivered) sends the feed
// back to the store. Replay runs on the worker pool in batches and pauses while
// the sink is congested, so a slow client holds no thread.
class EventFeed : public std::enable_shared_from_this<EventFeed>
{
public:
    struct Options
    {
        std::string executionId;
        std::uint64_t afterSequence = 0;
        std::set<std::string> eventTypes; // empty: all
    };

    static std::shared_ptr<EventFeed> start(std::shared_ptr<store::Database> db, EventBus& bus,
                                            WorkerPool& pool, Options options,
                                            std::shared_ptr<EventSink> sink);
    ~EventFeed();

    // The sink drained below its watermark: continue a paused replay.
    void resume();
    // The stream ended: unsubscribe and deliver nothing more.
    void stop();

    std::uint64_t lastSequence() const;

private:
    EventFeed(std::shared_ptr<store::Database> db, WorkerPool& pool, Options options,
              std::shared_ptr<EventSink> sink);
    void onLive(const feature::feature::v1::FeatureEvent& event);
    void scheduleReplayLocked();
    void replay();
    void deliverLocked(std::vector<store::EventStore::EncodedEvent> events);
    bool mergePendingLocked();

    static constexpr int kBatch = 512;

    std::shared_ptr<store::Database> m_db;
    WorkerPool& m_pool;
    Options m_options;
    std::shared_ptr<EventSink> m_sink;
    std::unique_ptr<EventBus::Subscription> m_subscription;

    mutable std::mutex m_mutex;
    std::uint64_t m_last = 0;
    bool m_live = false;
    bool m_replayScheduled = false;
    bool m_paused = false;
    bool m_stopped = false;
    std::deque<store::EventStore::EncodedEvent> m_pending;
};

} // namespace builder::core
