#pragma once

#include "WebhookConfig.h"
#include "common/Result.h"

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace builder::webhook {

// Reads the `webhook.*` settings (config file lines and flags, in order, so
// `webhook.url` may repeat) and the secrets' environment variables into a
// WebhookConfig. Unknown keys and bad values are errors naming the key.
class WebhookSettings
{
public:
    using Settings = std::vector<std::pair<std::string, std::string>>;
    using Environment = std::function<std::optional<std::string>(const std::string&)>;

    static bool isWebhookSetting(const std::string& key);
    // BUILDER_WEBHOOK_SECRET and BUILDER_GITHUB_WEBHOOK_SECRET fill secrets the
    // settings leave unset.
    static common::Status apply(const Settings& settings, const Environment& environment,
                                WebhookConfig& config);
    // scheme://host:port of a URL: what the delivery log shows (paths of
    // webhook URLs often carry a token).
    static std::string displayUrl(const std::string& url);
};

} // namespace builder::webhook
