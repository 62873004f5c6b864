#pragma once

#include "WebhookConfig.h"
#include "common/CancelToken.h"

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace builder::store {
class Database;
struct WebhookDeliveryRecord;
} // namespace builder::store

namespace builder::webhook {

// Sends queued deliveries from background threads: signed POSTs, retried with
// exponential backoff (retryInitial doubling up to retryMax, at most
// maxAttempts), each attempt's outcome written to the delivery log.
class WebhookDispatcher
{
public:
    WebhookDispatcher(std::shared_ptr<store::Database> db, const WebhookConfig& config);
    ~WebhookDispatcher();

    void start();
    void stop();
    // New deliveries were queued.
    void wake();

    // The wait before attempt `attempts + 1` after `attempts` failed ones.
    static std::chrono::milliseconds backoff(const WebhookConfig& config, int attempts);

private:
    void run();
    // Sends one due delivery; false when none was due.
    bool deliverOne();
    void send(const store::WebhookDeliveryRecord& delivery);

    std::shared_ptr<store::Database> m_db;
    const WebhookConfig& m_config;
    common::CancelToken m_cancel;

    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::uint64_t m_wakes = 0;
    std::vector<std::thread> m_threads;
};

} // namespace builder::webhook
