#include "WebhookSettings.h"

#include "common/DurationText.h"
#include "common/SettingText.h"

#include <QUrl>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace builder::webhook {

using common::Error;

namespace {

constexpr std::size_t kMinSecretLength = 16;
constexpr const char* kUrlPrefix = "webhook.url.";

Error bad(const std::string& key, const std::string& value, const std::string& rule)
{
    return Error::invalid(key, "setting.value", key + " " + rule + " (got \"" + value + "\")");
}

// Secrets are never echoed back in an error.
Error badSecret(const std::string& key, const std::string& rule)
{
    return Error::invalid(key, "setting.value", key + " " + rule);
}

std::string trim(const std::string& s)
{
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos)
        return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::vector<std::string> splitList(const std::string& value)
{
    std::vector<std::string> out;
    std::stringstream in(value);
    std::string item;
    while (std::getline(in, item, ','))
        if (auto t = trim(item); !t.empty())
            out.push_back(t);
    return out;
}

bool validName(const std::string& name)
{
    return !name.empty() && name.size() <= 64 && std::all_of(name.begin(), name.end(), [](char ch) {
        return std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_';
    });
}

common::Status checkUrl(const std::string& key, const std::string& value)
{
    const QUrl url(QString::fromStdString(value), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != "https" && url.scheme() != "http") ||
        url.host().isEmpty())
        return bad(key, WebhookSettings::displayUrl(value),
                   "must be an http:// or https:// URL with a host");
    if (!url.userInfo().isEmpty())
        return badSecret(key, "must not carry a user or password; the body is signed with "
                              "webhook.secret instead");
    return {};
}

common::Result<std::string> readSecretFile(const std::string& key, const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return bad(key, path, "names a file that cannot be read");
    std::stringstream text;
    text << in.rdbuf();
    return trim(text.str());
}

common::Result<std::chrono::milliseconds> duration(const std::string& key, const std::string& value,
                                                   std::chrono::milliseconds min,
                                                   std::chrono::milliseconds max)
{
    const auto d = common::DurationText::parse(value);
    if (!d || *d < min || *d > max)
        return bad(key, value,
                   "must be a duration from " + common::DurationText::format(min) + " to " +
                       common::DurationText::format(max) + " (e.g. 500ms, 5s, 10m)");
    return *d;
}

common::Result<int> integer(const std::string& key, const std::string& value, int min, int max)
{
    const auto n = common::SettingText::integer(value);
    if (n && *n >= min && *n <= max)
        return static_cast<int>(*n);
    return bad(key, value,
               "must be a number from " + std::to_string(min) + " to " + std::to_string(max));
}

} // namespace

std::string WebhookSettings::displayUrl(const std::string& text)
{
    const QUrl url(QString::fromStdString(text));
    if (!url.isValid() || url.host().isEmpty())
        return "(invalid URL)";
    QString out = url.scheme() + "://" + url.host();
    if (url.port() > 0)
        out += ":" + QString::number(url.port());
    return out.toStdString();
}

bool WebhookSettings::isWebhookSetting(const std::string& key)
{
    return key.rfind("webhook.", 0) == 0;
}

common::Status WebhookSettings::apply(const Settings& settings, const Environment& environment,
                                      WebhookConfig& c)
{
    using namespace std::chrono;
    int unnamed = 0;
    for (const auto& [key, rawValue] : settings) {
        const std::string value = trim(rawValue);
        if (key == "webhook.url" || key.rfind(kUrlPrefix, 0) == 0) {
            std::string name;
            if (key == "webhook.url")
                name = ++unnamed == 1 ? "default" : "url-" + std::to_string(unnamed);
            else
                name = key.substr(std::string(kUrlPrefix).size());
            if (!validName(name))
                return bad(key, name, "must name the endpoint with letters, digits, - or _");
            if (auto s = checkUrl(key, value); !s.ok())
                return s;
            if (std::any_of(c.endpoints.begin(), c.endpoints.end(),
                            [&](const WebhookEndpoint& e) { return e.name == name; }))
                return bad(key, name, "names an endpoint that is already configured");
            c.endpoints.push_back({name, value});
        } else if (key == "webhook.secret" || key == "webhook.github_secret") {
            (key == "webhook.secret" ? c.secret : c.githubSecret) = value;
        } else if (key == "webhook.secret_file" || key == "webhook.github_secret_file") {
            auto secret = readSecretFile(key, value);
            if (!secret.ok())
                return secret.error();
            (key == "webhook.secret_file" ? c.secret : c.githubSecret) = secret.value();
        } else if (key == "webhook.events") {
            c.events.clear();
            for (const auto& event : splitList(value)) {
                if (event != "feature.created" && event != "feature.state_changed" &&
                    event != "feature.completed" && event != "feature.failed")
                    return bad(key, event,
                               "must list feature.created, feature.state_changed, "
                               "feature.completed or feature.failed");
                c.events.insert(event);
            }
        } else if (key == "webhook.max_attempts") {
            auto n = integer(key, value, 1, 100);
            if (!n.ok())
                return n.error();
            c.maxAttempts = n.value();
        } else if (key == "webhook.workers") {
            auto n = integer(key, value, 1, 16);
            if (!n.ok())
                return n.error();
            c.workers = n.value();
        } else if (key == "webhook.retry_initial" || key == "webhook.retry_max") {
            auto d = duration(key, value, milliseconds(100), hours(24));
            if (!d.ok())
                return d.error();
            (key == "webhook.retry_initial" ? c.retryInitial : c.retryMax) = d.value();
        } else if (key == "webhook.timeout") {
            auto d = duration(key, value, milliseconds(100), seconds(120));
            if (!d.ok())
                return d.error();
            c.timeout = d.value();
        } else if (key == "webhook.github_allowed_users") {
            for (auto user : splitList(value)) {
                std::transform(user.begin(), user.end(), user.begin(),
                               [](unsigned char ch) { return std::tolower(ch); });
                c.githubAllowedUsers.insert(user);
            }
        } else if (key == "webhook.github_label" || key == "webhook.github_command") {
            if (value.empty() || value.size() > 100)
                return bad(key, value, "must be 1 to 100 characters");
            (key == "webhook.github_label" ? c.githubLabel : c.githubCommand) = value;
        } else {
            return Error::invalid(key, "setting.known", "unknown setting \"" + key + "\"");
        }
    }
    if (c.secret.empty())
        if (auto v = environment("BUILDER_WEBHOOK_SECRET"))
            c.secret = trim(*v);
    if (c.githubSecret.empty())
        if (auto v = environment("BUILDER_GITHUB_WEBHOOK_SECRET"))
            c.githubSecret = trim(*v);
    if (c.retryMax < c.retryInitial)
        return Error::invalid("webhook.retry_max", "setting.value",
                              "webhook.retry_max must be at least webhook.retry_initial");
    if (!c.endpoints.empty() && c.secret.empty())
        return badSecret("webhook.secret",
                         "is required when webhook.url is set: outgoing webhooks are always "
                         "signed (set webhook.secret, webhook.secret_file or "
                         "BUILDER_WEBHOOK_SECRET)");
    if (!c.secret.empty() && c.secret.size() < kMinSecretLength)
        return badSecret("webhook.secret", "must be at least 16 characters");
    if (!c.githubSecret.empty() && c.githubSecret.size() < kMinSecretLength)
        return badSecret("webhook.github_secret", "must be at least 16 characters");
    return {};
}

} // namespace builder::webhook
