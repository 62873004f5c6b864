#include "WebhookOutbox.h"

#include "WebhookPayload.h"
#include "WebhookSettings.h"
#include "common/Uuid.h"
#include "store/Database.h"
#include "store/ExecutionStore.h"
#include "store/ServiceStateStore.h"
#include "store/Timestamps.h"
#include "store/WebhookDeliveryStore.h"

#include <iostream>

namespace builder::webhook {

namespace {
constexpr const char* kWatermark = "webhook.watermark";
// Events of one commit batch may carry slightly older times than the newest
// one already queued: catching up starts this much before the watermark.
constexpr std::int64_t kCatchUpSlackMillis = 5000;
} // namespace

WebhookOutbox::WebhookOutbox(std::shared_ptr<store::Database> db, core::EventBus& bus,
                             const WebhookConfig& config, std::function<void()> onQueued)
    : m_db(std::move(db)), m_bus(bus), m_config(config), m_onQueued(std::move(onQueued))
{}

WebhookOutbox::~WebhookOutbox()
{
    stop();
}

common::Status WebhookOutbox::start()
{
    // Subscribe first: an event committed during the catch-up is then queued
    // twice at worst, which the (event, endpoint) key turns into once.
    m_subscription = m_bus.subscribeAll(
        [this](const std::string& executionId, const feature::feature::v1::FeatureEvent& event) {
            onEvent(executionId, event);
        });
    const std::vector<std::string> types(m_config.events.begin(), m_config.events.end());
    auto missed = m_db->write([&](store::Connection& c) -> common::Result<std::vector<Item>> {
        const auto watermark = store::ServiceStateStore::get(c, kWatermark);
        if (!watermark) {
            // Webhooks were just configured: history is not sent.
            store::ServiceStateStore::put(c, kWatermark,
                                          std::to_string(store::Timestamps::nowMillis()));
            return std::vector<Item>{};
        }
        std::int64_t since = 0;
        try {
            since = std::stoll(*watermark) - kCatchUpSlackMillis;
        } catch (...) {
            since = store::Timestamps::nowMillis();
        }
        return store::WebhookDeliveryStore::eventsSince(c, since, types);
    });
    if (!missed.ok())
        return missed.error();
    if (!missed->empty())
        if (auto s = queue(missed.value()); !s.ok())
            return s;
    m_thread = std::thread([this] { run(); });
    return {};
}

void WebhookOutbox::stop()
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

void WebhookOutbox::onEvent(const std::string& executionId,
                            const feature::feature::v1::FeatureEvent& event)
{
    // Under the write lock, right after the commit: filter and hand off only.
    if (!m_config.events.contains(event.type()))
        return;
    {
        std::lock_guard lock(m_mutex);
        m_pending.emplace_back(executionId, event);
    }
    m_wake.notify_one();
}

void WebhookOutbox::run()
{
    std::unique_lock lock(m_mutex);
    while (true) {
        m_wake.wait(lock, [this] { return m_stopping || !m_pending.empty(); });
        if (m_pending.empty() && m_stopping)
            return;
        std::vector<Item> batch(std::make_move_iterator(m_pending.begin()),
                                std::make_move_iterator(m_pending.end()));
        m_pending.clear();
        lock.unlock();
        if (auto s = queue(batch); !s.ok())
            std::cerr << "builderd: webhook deliveries not queued: " << s.error().message() << "\n";
        lock.lock();
    }
}

common::Status WebhookOutbox::queue(const std::vector<Item>& items)
{
    auto queued = m_db->write([&](store::Connection& c) -> common::Result<int> {
        int count = 0;
        std::int64_t newest = 0;
        const auto now = store::Timestamps::nowMillis();
        for (const auto& [executionId, event] : items) {
            newest = std::max(newest, store::Timestamps::toMillis(event.timestamp()));
            auto record = store::ExecutionStore::findById(c, executionId);
            if (!record)
                continue;
            const auto body = WebhookPayload::body(event, record->execution);
            for (const auto& endpoint : m_config.endpoints) {
                store::WebhookDeliveryRecord d;
                d.id = common::Uuid::generateV4();
                d.endpoint = endpoint.name;
                d.displayUrl = WebhookSettings::displayUrl(endpoint.url);
                d.eventId = event.id();
                d.eventType = event.type();
                d.executionId = executionId;
                d.body = body;
                d.nextAttemptAtMillis = now;
                d.createdAtMillis = now;
                count += store::WebhookDeliveryStore::insert(c, d) ? 1 : 0;
            }
        }
        const auto old = store::ServiceStateStore::get(c, kWatermark);
        std::int64_t current = 0;
        try {
            current = old ? std::stoll(*old) : 0;
        } catch (...) {
        }
        if (newest > current)
            store::ServiceStateStore::put(c, kWatermark, std::to_string(newest));
        return count;
    });
    if (!queued.ok())
        return queued.error();
    if (queued.value() > 0 && m_onQueued)
        m_onQueued();
    return {};
}

} // namespace builder::webhook
