#pragma once

#include "WebhookConfig.h"
#include "common/Result.h"
#include "feature/admin/v1/admin.pb.h"

#include <memory>

namespace builder::store {
class Database;
}
namespace builder::core {
class EventBus;
}

namespace builder::webhook {

class WebhookDispatcher;
class WebhookOutbox;

// builderd's outgoing webhooks: the outbox that queues deliveries from events,
// the dispatcher that sends them, and the delivery log admins read
// (AdminService.ListWebhookDeliveries). Starts nothing when no URL is configured;
// the log stays readable.
class WebhookService
{
public:
    WebhookService(std::shared_ptr<store::Database> db, core::EventBus& bus, WebhookConfig config,
                   int defaultPageSize = 50);
    ~WebhookService();

    common::Status start();
    void stop();

    common::Result<feature::admin::v1::ListWebhookDeliveriesResponse>
    list(const feature::admin::v1::ListWebhookDeliveriesRequest& request) const;

    const WebhookConfig& config() const { return m_config; }

private:
    std::shared_ptr<store::Database> m_db;
    core::EventBus& m_bus;
    WebhookConfig m_config;
    int m_defaultPageSize;
    std::unique_ptr<WebhookDispatcher> m_dispatcher;
    std::unique_ptr<WebhookOutbox> m_outbox;
};

} // namespace builder::webhook
