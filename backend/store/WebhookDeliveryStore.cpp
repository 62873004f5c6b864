#include "WebhookDeliveryStore.h"

#include "Connection.h"
#include "PageToken.h"
#include "Timestamps.h"

#include <algorithm>

namespace builder::store {

namespace {

constexpr const char* kColumns =
    "id, endpoint, url, event_id, event_type, execution_id, body, state, attempts, "
    "next_attempt_at, last_status, last_error, created_at, delivered_at";
constexpr const char* kTokenKind = "webhook_deliveries";

WebhookDeliveryRecord readRow(const Statement& s)
{
    WebhookDeliveryRecord r;
    r.id = s.text(0);
    r.endpoint = s.text(1);
    r.displayUrl = s.text(2);
    r.eventId = s.text(3);
    r.eventType = s.text(4);
    r.executionId = s.text(5);
    r.body = s.blob(6);
    r.state = s.text(7);
    r.attempts = static_cast<int>(s.int64(8));
    r.nextAttemptAtMillis = s.int64(9);
    r.lastStatus = static_cast<int>(s.int64(10));
    r.lastError = s.text(11);
    r.createdAtMillis = s.int64(12);
    r.deliveredAtMillis = s.int64(13);
    return r;
}

} // namespace

bool WebhookDeliveryStore::insert(Connection& c, const WebhookDeliveryRecord& r)
{
    auto s = c.prepare("INSERT INTO webhook_deliveries (id, endpoint, url, event_id, event_type, "
                       "execution_id, body, state, attempts, next_attempt_at, created_at) VALUES "
                       "(?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(event_id, endpoint) DO NOTHING");
    s.bind(1, r.id)
        .bind(2, r.endpoint)
        .bind(3, r.displayUrl)
        .bind(4, r.eventId)
        .bind(5, r.eventType)
        .bind(6, r.executionId)
        .bindBlob(7, r.body)
        .bind(8, r.state)
        .bind(9, r.attempts)
        .bind(10, r.nextAttemptAtMillis)
        .bind(11, r.createdAtMillis);
    s.run();
    return c.changes() > 0;
}

std::optional<WebhookDeliveryRecord> WebhookDeliveryStore::find(Connection& c,
                                                                const std::string& id)
{
    auto s = c.prepare(std::string("SELECT ") + kColumns + " FROM webhook_deliveries WHERE id = ?");
    s.bind(1, id);
    if (!s.step())
        return std::nullopt;
    return readRow(s);
}

std::optional<WebhookDeliveryRecord>
WebhookDeliveryStore::claimDue(Connection& c, std::int64_t nowMillis, std::int64_t leaseUntilMillis)
{
    auto s = c.prepare(std::string("SELECT ") + kColumns +
                       " FROM webhook_deliveries WHERE state = 'pending' AND next_attempt_at <= ? "
                       "ORDER BY next_attempt_at, created_at LIMIT 1");
    s.bind(1, nowMillis);
    if (!s.step())
        return std::nullopt;
    auto record = readRow(s);
    s.reset();
    auto lease = c.prepare("UPDATE webhook_deliveries SET next_attempt_at = ? WHERE id = ?");
    lease.bind(1, leaseUntilMillis).bind(2, record.id);
    lease.run();
    return record;
}

std::optional<std::int64_t> WebhookDeliveryStore::nextDueAt(Connection& c)
{
    auto s = c.prepare("SELECT MIN(next_attempt_at) FROM webhook_deliveries "
                       "WHERE state = 'pending'");
    if (!s.step() || s.isNull(0))
        return std::nullopt;
    return s.int64(0);
}

void WebhookDeliveryStore::markDelivered(Connection& c, const std::string& id, int attempts,
                                         int status, std::int64_t atMillis)
{
    auto s = c.prepare("UPDATE webhook_deliveries SET state = 'delivered', attempts = ?, "
                       "last_status = ?, last_error = '', delivered_at = ? WHERE id = ?");
    s.bind(1, attempts).bind(2, status).bind(3, atMillis).bind(4, id);
    s.run();
}

void WebhookDeliveryStore::markAttemptFailed(Connection& c, const std::string& id, int attempts,
                                             int status, const std::string& error,
                                             std::int64_t nextAttemptAtMillis, bool final)
{
    auto s = c.prepare("UPDATE webhook_deliveries SET state = ?, attempts = ?, last_status = ?, "
                       "last_error = ?, next_attempt_at = ? WHERE id = ?");
    s.bind(1, final ? WebhookDeliveryRecord::kFailed : WebhookDeliveryRecord::kPending)
        .bind(2, attempts)
        .bind(3, status)
        .bind(4, error)
        .bind(5, nextAttemptAtMillis)
        .bind(6, id);
    s.run();
}

common::Result<Page<WebhookDeliveryRecord>> WebhookDeliveryStore::list(Connection& c,
                                                                       const std::string& state,
                                                                       int pageSize,
                                                                       const std::string& pageToken)
{
    std::int64_t at = INT64_MAX;
    std::string afterId;
    if (!pageToken.empty()) {
        auto token = PageToken::decode(pageToken, kTokenKind);
        bool valid = token.has_value();
        if (valid) {
            try {
                at = std::stoll(token->sortKey);
                afterId = token->id;
            } catch (...) {
                valid = false;
            }
        }
        if (!valid)
            return common::Error::invalid("pagination.page_token", "page_token.valid",
                                          "page_token is not a token returned by this listing");
    }
    Page<WebhookDeliveryRecord> page;
    {
        auto count = c.prepare("SELECT COUNT(*) FROM webhook_deliveries WHERE ? = '' OR state = ?");
        count.bind(1, state).bind(2, state);
        page.totalCount = count.step() ? static_cast<int>(count.int64(0)) : 0;
    }
    auto s = c.prepare(std::string("SELECT ") + kColumns +
                       " FROM webhook_deliveries WHERE (? = '' OR state = ?) AND (? = '' OR "
                       "created_at < ? OR (created_at = ? AND id < ?)) ORDER BY created_at DESC, "
                       "id DESC LIMIT ?");
    s.bind(1, state).bind(2, state).bind(3, afterId).bind(4, at).bind(5, at).bind(6, afterId);
    s.bind(7, pageSize + 1);
    while (s.step())
        page.items.push_back(readRow(s));
    if (static_cast<int>(page.items.size()) > pageSize) {
        page.items.pop_back();
        const auto& last = page.items.back();
        page.nextPageToken =
            PageToken{kTokenKind, std::to_string(last.createdAtMillis), last.id}.encode();
    }
    return page;
}

std::vector<std::pair<std::string, feature::feature::v1::FeatureEvent>>
WebhookDeliveryStore::eventsSince(Connection& c, std::int64_t sinceMillis,
                                  const std::vector<std::string>& types)
{
    // Executions touched since then hold every such event; each one's events
    // are read by primary-key prefix.
    auto s = c.prepare("SELECT e.execution_id, e.seq, e.id, e.type, e.created_at, e.summary, "
                       "e.payload FROM executions x JOIN events e ON e.execution_id = x.id "
                       "WHERE x.updated_at >= ? AND e.created_at >= ? "
                       "ORDER BY e.created_at, e.execution_id, e.seq");
    s.bind(1, sinceMillis).bind(2, sinceMillis);
    std::vector<std::pair<std::string, feature::feature::v1::FeatureEvent>> out;
    while (s.step()) {
        const auto type = s.text(3);
        if (std::find(types.begin(), types.end(), type) == types.end())
            continue;
        feature::feature::v1::FeatureEvent event;
        event.set_sequence_number(static_cast<std::uint64_t>(s.int64(1)));
        event.set_id(s.text(2));
        event.set_type(type);
        Timestamps::fromMillis(s.int64(4), event.mutable_timestamp());
        event.set_summary(s.text(5));
        event.mutable_payload()->ParseFromString(s.blob(6));
        out.emplace_back(s.text(0), std::move(event));
    }
    return out;
}

} // namespace builder::store
