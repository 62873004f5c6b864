#include "WebhookService.h"

#include "WebhookDispatcher.h"
#include "WebhookOutbox.h"
#include "common/AdminValidation.h"
#include "store/Database.h"
#include "store/Timestamps.h"
#include "store/WebhookDeliveryStore.h"

namespace builder::webhook {

namespace av1 = feature::admin::v1;
using store::WebhookDeliveryRecord;

namespace {

av1::WebhookDeliveryState stateOf(const std::string& state)
{
    if (state == WebhookDeliveryRecord::kDelivered)
        return av1::WEBHOOK_DELIVERY_STATE_DELIVERED;
    if (state == WebhookDeliveryRecord::kFailed)
        return av1::WEBHOOK_DELIVERY_STATE_FAILED;
    return av1::WEBHOOK_DELIVERY_STATE_PENDING;
}

std::string nameOf(av1::WebhookDeliveryState state)
{
    switch (state) {
    case av1::WEBHOOK_DELIVERY_STATE_PENDING:
        return WebhookDeliveryRecord::kPending;
    case av1::WEBHOOK_DELIVERY_STATE_DELIVERED:
        return WebhookDeliveryRecord::kDelivered;
    case av1::WEBHOOK_DELIVERY_STATE_FAILED:
        return WebhookDeliveryRecord::kFailed;
    default:
        return {};
    }
}

} // namespace

WebhookService::WebhookService(std::shared_ptr<store::Database> db, core::EventBus& bus,
                               WebhookConfig config, int defaultPageSize)
    : m_db(std::move(db)), m_bus(bus), m_config(std::move(config)),
      m_defaultPageSize(defaultPageSize)
{}

WebhookService::~WebhookService()
{
    stop();
}

common::Status WebhookService::start()
{
    if (!m_config.outgoingEnabled())
        return {};
    m_dispatcher = std::make_unique<WebhookDispatcher>(m_db, m_config);
    m_outbox = std::make_unique<WebhookOutbox>(m_db, m_bus, m_config,
                                               [d = m_dispatcher.get()] { d->wake(); });
    m_dispatcher->start();
    return m_outbox->start();
}

void WebhookService::stop()
{
    if (m_outbox)
        m_outbox->stop();
    if (m_dispatcher)
        m_dispatcher->stop();
    m_outbox.reset();
    m_dispatcher.reset();
}

common::Result<av1::ListWebhookDeliveriesResponse>
WebhookService::list(const av1::ListWebhookDeliveriesRequest& request) const
{
    if (auto violations = common::AdminValidation::validate(request); !violations.empty())
        return common::Error::invalid(std::move(violations));
    const int pageSize =
        request.pagination().page_size() > 0 ? request.pagination().page_size() : m_defaultPageSize;
    auto page = m_db->read([&](store::Connection& c) {
        return store::WebhookDeliveryStore::list(c, nameOf(request.state()), pageSize,
                                                 request.pagination().page_token());
    });
    if (!page.ok())
        return page.error();
    av1::ListWebhookDeliveriesResponse response;
    for (const auto& r : page->items) {
        auto* d = response.add_deliveries();
        d->set_id(r.id);
        d->set_endpoint(r.endpoint);
        d->set_url(r.displayUrl);
        d->set_event(r.eventType);
        d->set_event_id(r.eventId);
        d->set_feature_execution_id(r.executionId);
        d->set_state(stateOf(r.state));
        d->set_attempts(r.attempts);
        d->set_last_status_code(r.lastStatus);
        d->set_last_error(r.lastError);
        store::Timestamps::fromMillis(r.createdAtMillis, d->mutable_created_at());
        if (r.state == WebhookDeliveryRecord::kPending)
            store::Timestamps::fromMillis(r.nextAttemptAtMillis, d->mutable_next_attempt_at());
        store::Timestamps::fromMillis(r.deliveredAtMillis, d->mutable_delivered_at());
    }
    response.mutable_pagination()->set_next_page_token(page->nextPageToken);
    response.mutable_pagination()->set_total_count(page->totalCount);
    return response;
}

} // namespace builder::webhook
