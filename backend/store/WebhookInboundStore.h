#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace builder::store {

class Connection;

// An incoming webhook delivery already handled (GitHub's X-GitHub-Delivery),
// kept so that a replayed delivery does nothing twice.
struct WebhookInboundRecord
{
    std::string deliveryId;
    std::string source;  // "github"
    std::string event;   // "issues", "issue_comment", ...
    std::string outcome; // "created", "ignored"
    std::string executionId;
    std::int64_t receivedAtMillis = 0;
};

class WebhookInboundStore
{
public:
    static std::optional<WebhookInboundRecord> find(Connection& c, const std::string& deliveryId);
    // False when the delivery was already recorded.
    static bool insert(Connection& c, const WebhookInboundRecord& record);
};

} // namespace builder::store
