#pragma once

#include "WebhookConfig.h"
#include "common/Result.h"
#include "core/EventBus.h"

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace builder::store {
class Database;
}

namespace builder::webhook {

// Turns committed events into queued deliveries, one per endpoint, on its own
// thread: the event bus only hands it the event, so neither the pipeline nor
// the API ever waits for a webhook. A watermark in the database lets a
// restarted builderd queue what it had not queued yet (each event once per
// endpoint, whatever is replayed).
class WebhookOutbox
{
public:
    WebhookOutbox(std::shared_ptr<store::Database> db, core::EventBus& bus,
                  const WebhookConfig& config, std::function<void()> onQueued);
    ~WebhookOutbox();

    common::Status start();
    void stop();

private:
    using Item = std::pair<std::string, feature::feature::v1::FeatureEvent>;

    void onEvent(const std::string& executionId, const feature::feature::v1::FeatureEvent& event);
    void run();
    common::Status queue(const std::vector<Item>& items);

    std::shared_ptr<store::Database> m_db;
    core::EventBus& m_bus;
    const WebhookConfig& m_config;
    std::function<void()> m_onQueued;

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Item> m_pending;
    bool m_stopping = false;
    std::unique_ptr<core::EventBus::Subscription> m_subscription;
    std::thread m_thread;
};

} // namespace builder::webhook
