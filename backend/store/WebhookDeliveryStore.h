#pragma once

#include "Page.h"
#include "common/Result.h"
#include "feature/feature/v1/feature.pb.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace builder::store {

class Connection;

// One outgoing webhook delivery: an event for one endpoint, its signed body,
// and where its attempts stand.
struct WebhookDeliveryRecord
{
    static constexpr const char* kPending = "pending";
    static constexpr const char* kDelivered = "delivered";
    static constexpr const char* kFailed = "failed";

    std::string id;
    std::string endpoint;   // the configured endpoint's name
    std::string displayUrl; // scheme://host:port only
    std::string eventId;
    std::string eventType;
    std::string executionId;
    std::string body;
    std::string state = kPending;
    int attempts = 0;
    std::int64_t nextAttemptAtMillis = 0;
    int lastStatus = 0;
    std::string lastError;
    std::int64_t createdAtMillis = 0;
    std::int64_t deliveredAtMillis = 0;
};

// The delivery log and queue of outgoing webhooks (table webhook_deliveries).
class WebhookDeliveryStore
{
public:
    // False when that event was already queued for that endpoint.
    static bool insert(Connection& c, const WebhookDeliveryRecord& record);
    static std::optional<WebhookDeliveryRecord> find(Connection& c, const std::string& id);
    // Takes the oldest pending delivery due by `nowMillis` and holds it until
    // `leaseUntilMillis` (so no other worker sends it meanwhile; a crash hands
    // it on after the lease).
    static std::optional<WebhookDeliveryRecord> claimDue(Connection& c, std::int64_t nowMillis,
                                                         std::int64_t leaseUntilMillis);
    // When the next pending delivery is due, if any.
    static std::optional<std::int64_t> nextDueAt(Connection& c);
    static void markDelivered(Connection& c, const std::string& id, int attempts, int status,
                              std::int64_t atMillis);
    // A failed attempt: due again at nextAttemptAtMillis, or failed for good when `final`.
    static void markAttemptFailed(Connection& c, const std::string& id, int attempts, int status,
                                  const std::string& error, std::int64_t nextAttemptAtMillis,
                                  bool final);
    // Newest first; `state` empty for every state.
    static common::Result<Page<WebhookDeliveryRecord>>
    list(Connection& c, const std::string& state, int pageSize, const std::string& pageToken);

    // Events of the given types appended at or after `sinceMillis`, with their
    // execution, oldest first: what a restarted builderd may not have queued yet.
    static std::vector<std::pair<std::string, feature::feature::v1::FeatureEvent>>
    eventsSince(Connection& c, std::int64_t sinceMillis, const std::vector<std::string>& types);
};

} // namespace builder::store
