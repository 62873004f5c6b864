#include "WebhookInboundStore.h"

#include "Connection.h"

namespace builder::store {

std::optional<WebhookInboundRecord> WebhookInboundStore::find(Connection& c,
                                                              const std::string& deliveryId)
{
    auto s = c.prepare("SELECT delivery_id, source, event, outcome, execution_id, received_at "
                       "FROM webhook_inbound WHERE delivery_id = ?");
    s.bind(1, deliveryId);
    if (!s.step())
        return std::nullopt;
    return WebhookInboundRecord{s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.int64(5)};
}

bool WebhookInboundStore::insert(Connection& c, const WebhookInboundRecord& r)
{
    auto s = c.prepare("INSERT INTO webhook_inbound (delivery_id, source, event, outcome, "
                       "execution_id, received_at) VALUES (?,?,?,?,?,?) "
                       "ON CONFLICT(delivery_id) DO NOTHING");
    s.bind(1, r.deliveryId)
        .bind(2, r.source)
        .bind(3, r.event)
        .bind(4, r.outcome)
        .bind(5, r.executionId)
        .bind(6, r.receivedAtMillis);
    s.run();
    return c.changes() > 0;
}

} // namespace builder::store
