#pragma once

#include <chrono>
#include <set>
#include <string>
#include <vector>

namespace builder::webhook {

// One receiver of outgoing webhooks.
struct WebhookEndpoint
{
    std::string name; // "default", "url-2", or the <name> of webhook.url.<name>
    std::string url;
};

// Everything the webhook role is told (config keys webhook.*).
struct WebhookConfig
{
    // Outgoing: every endpoint receives the events in `events`, signed with `secret`.
    std::vector<WebhookEndpoint> endpoints;
    std::string secret;
    std::set<std::string> events = {"feature.created", "feature.state_changed", "feature.completed",
                                    "feature.failed"};
    int maxAttempts = 10;
    std::chrono::milliseconds retryInitial = std::chrono::seconds(5);
    std::chrono::milliseconds retryMax = std::chrono::hours(1);
    std::chrono::milliseconds timeout = std::chrono::seconds(10);
    int workers = 2;

    // Incoming GitHub: refused entirely while githubSecret is empty.
    std::string githubSecret;
    std::set<std::string> githubAllowedUsers; // logins, lower-cased
    std::string githubLabel = "auto-build";
    std::string githubCommand = "/build";

    bool outgoingEnabled() const { return !endpoints.empty(); }
    bool githubEnabled() const { return !githubSecret.empty(); }
};

} // namespace builder::webhook
