#include "WebhookDispatcher.h"

#include "WebhookSignature.h"
#include "llm/HttpClient.h"
#include "store/Database.h"
#include "store/Timestamps.h"
#include "store/WebhookDeliveryStore.h"

#include <QUrl>

#include <algorithm>
#include <iostream>
#include <random>

namespace builder::webhook {

namespace {

// Longest sleep between looks at the queue (another builderd may queue too).
constexpr std::chrono::milliseconds kIdlePoll{2000};

std::int64_t jitterMillis(std::int64_t base)
{
    // Up to +10 %, so many deliveries failing together do not retry in lockstep.
    thread_local std::mt19937_64 random{std::random_device{}()};
    return base <= 10 ? 0
                      : static_cast<std::int64_t>(random() % static_cast<std::uint64_t>(base / 10));
}

} // namespace

WebhookDispatcher::WebhookDispatcher(std::shared_ptr<store::Database> db,
                                     const WebhookConfig& config)
    : m_db(std::move(db)), m_config(config)
{}

WebhookDispatcher::~WebhookDispatcher()
{
    stop();
}

std::chrono::milliseconds WebhookDispatcher::backoff(const WebhookConfig& config, int attempts)
{
    auto wait = config.retryInitial;
    for (int i = 1; i < attempts && wait < config.retryMax; ++i)
        wait *= 2;
    return std::min(wait, config.retryMax);
}

void WebhookDispatcher::start()
{
    for (int i = 0; i < std::max(1, m_config.workers); ++i)
        m_threads.emplace_back([this] { run(); });
}

void WebhookDispatcher::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_cancel.cancel(common::Error(common::StatusCode::Cancelled, "builderd is stopping"));
    m_wake.notify_all();
    for (auto& t : m_threads)
        if (t.joinable())
            t.join();
    m_threads.clear();
}

void WebhookDispatcher::wake()
{
    {
        std::lock_guard lock(m_mutex);
        ++m_wakes;
    }
    m_wake.notify_all();
}

void WebhookDispatcher::run()
{
    while (true) {
        std::uint64_t seenWakes = 0;
        {
            std::lock_guard lock(m_mutex);
            if (m_stopping)
                return;
            seenWakes = m_wakes;
        }
        if (deliverOne())
            continue;
        auto next = m_db->read([](store::Connection& c) -> common::Result<std::int64_t> {
            return store::WebhookDeliveryStore::nextDueAt(c).value_or(INT64_MAX);
        });
        auto wait = kIdlePoll;
        if (next.ok() && next.value() != INT64_MAX)
            wait =
                std::clamp(std::chrono::milliseconds(next.value() - store::Timestamps::nowMillis()),
                           std::chrono::milliseconds(0), kIdlePoll);
        std::unique_lock lock(m_mutex);
        m_wake.wait_for(lock, wait, [&] { return m_stopping || m_wakes != seenWakes; });
    }
}

bool WebhookDispatcher::deliverOne()
{
    const auto now = store::Timestamps::nowMillis();
    // Held for the attempt's timeout and a margin; then another worker may take it.
    const auto leaseUntil = now + m_config.timeout.count() + 30000;
    auto claimed = m_db->write(
        [&](store::Connection& c) -> common::Result<std::optional<store::WebhookDeliveryRecord>> {
            return store::WebhookDeliveryStore::claimDue(c, now, leaseUntil);
        });
    if (!claimed.ok() || !claimed.value())
        return false;
    send(**claimed);
    return true;
}

void WebhookDispatcher::send(const store::WebhookDeliveryRecord& d)
{
    const auto endpoint =
        std::find_if(m_config.endpoints.begin(), m_config.endpoints.end(),
                     [&](const WebhookEndpoint& e) { return e.name == d.endpoint; });
    const int attempts = d.attempts + 1;
    int status = 0;
    std::string error;
    bool final = false;
    if (endpoint == m_config.endpoints.end()) {
        error = "endpoint " + d.endpoint + " is no longer configured";
        final = true;
    } else {
        llm::HttpClient::Request request;
        request.url = QUrl(QString::fromStdString(endpoint->url));
        request.timeout = m_config.timeout;
        request.body = QByteArray::fromStdString(d.body);
        request.headers = {
            {"Content-Type", "application/json"},
            {"User-Agent", "Builder-Webhook/1"},
            {"X-Builder-Event", QByteArray::fromStdString(d.eventType)},
            {"X-Builder-Delivery", QByteArray::fromStdString(d.id)},
            {WebhookSignature::kOutgoingHeader,
             QByteArray::fromStdString(WebhookSignature::sign(m_config.secret, d.body))}};
        auto reply = llm::HttpClient::post(request, m_cancel);
        if (!reply.ok()) {
            if (m_cancel.cancelled())
                return; // stopping: the lease runs out and the next start sends it
            error = reply.error().message();
        } else {
            status = reply->status;
            if (status >= 200 && status < 300) {
                (void)m_db->write([&](store::Connection& c) -> common::Result<bool> {
                    store::WebhookDeliveryStore::markDelivered(c, d.id, attempts, status,
                                                               store::Timestamps::nowMillis());
                    return true;
                });
                return;
            }
            error = "the receiver answered HTTP " + std::to_string(status);
        }
        final = attempts >= m_config.maxAttempts;
    }
    const auto wait = backoff(m_config, attempts).count();
    const auto next = store::Timestamps::nowMillis() + wait + jitterMillis(wait);
    auto written = m_db->write([&](store::Connection& c) -> common::Result<bool> {
        store::WebhookDeliveryStore::markAttemptFailed(c, d.id, attempts, status, error,
                                                       final ? 0 : next, final);
        return true;
    });
    if (!written.ok())
        std::cerr << "builderd: webhook delivery " << d.id
                  << " not updated: " << written.error().message() << "\n";
}

} // namespace builder::webhook
