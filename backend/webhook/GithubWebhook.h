#pragma once

#include "WebhookConfig.h"
#include "http/HttpRequest.h"

#include <memory>
#include <string>

namespace builder::store {
class Database;
}
namespace builder::core {
class AuditLog;
class FeatureManager;
} // namespace builder::core

namespace builder::webhook {

struct GithubTrigger;

// POST /webhooks/github: GitHub deliveries that start feature executions.
// Refused with 404 unless webhook.github_secret is set, and with 401 unless
// X-Hub-Signature-256 matches the body; a delivery already handled (by
// X-GitHub-Delivery) changes nothing. A build request creates a feature on the
// registered repository whose URL matches the payload's, from the issue's
// title and body, correlated by the URL.
class GithubWebhook
{
public:
    static constexpr const char* kPath = "/webhooks/github";

    struct Reply
    {
        int status = 200;
        std::string json;
    };

    GithubWebhook(std::shared_ptr<store::Database> db, core::FeatureManager& features,
                  const core::AuditLog& audit, const WebhookConfig& config);

    Reply handle(const http::HttpRequest& request);

private:
    Reply build(const GithubTrigger& trigger, const std::string& deliveryId,
                const std::string& event);
    // The id of the active repository whose URL matches one of the payload's.
    std::string matchRepository(const GithubTrigger& trigger);
    void remember(const std::string& deliveryId, const std::string& event,
                  const std::string& outcome);

    std::shared_ptr<store::Database> m_db;
    core::FeatureManager& m_features;
    const core::AuditLog& m_audit;
    const WebhookConfig& m_config;
};

} // namespace builder::webhook
