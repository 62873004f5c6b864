#include "GithubTrigger.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cctype>

namespace builder::webhook {

namespace {

std::string str(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString().toStdString();
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    return s;
}

GithubTrigger ignore(GithubTrigger t, std::string reason)
{
    t.kind = GithubTrigger::Kind::Ignore;
    t.reason = std::move(reason);
    return t;
}

bool hasLabel(const QJsonArray& labels, const std::string& name)
{
    return std::any_of(labels.begin(), labels.end(), [&](const QJsonValue& v) {
        return lower(str(v.toObject(), "name")) == lower(name);
    });
}

} // namespace

GithubTrigger GithubTrigger::parse(const std::string& event, const QByteArray& json,
                                   const WebhookConfig& config)
{
    GithubTrigger t;
    QJsonParseError error;
    const auto document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        t.kind = Kind::Invalid;
        t.reason = "the body is not a JSON object";
        return t;
    }
    const auto root = document.object();
    const auto repository = root.value("repository").toObject();
    const auto issue = root.value("issue").toObject();
    t.sender = str(root.value("sender").toObject(), "login");
    t.repositoryName = str(repository, "full_name");
    for (const char* key : {"html_url", "clone_url", "ssh_url", "git_url"})
        if (auto url = str(repository, key); !url.empty())
            t.repositoryUrls.push_back(url);
    t.issueUrl = str(issue, "html_url");
    t.issueNumber = issue.value("number").toInt();
    t.title = str(issue, "title");
    t.body = str(issue, "body");
    const std::string action = str(root, "action");

    if (event != "issues" && event != "issue_comment")
        return ignore(t, "the " + event + " event does not start builds");
    if (issue.isEmpty() || t.repositoryUrls.empty()) {
        t.kind = Kind::Invalid;
        t.reason = "the payload has no issue or no repository";
        return t;
    }
    if (issue.value("state").toString() == "closed")
        return ignore(t, "the issue is closed");

    const std::string user = lower(t.sender);
    const bool listed = config.githubAllowedUsers.contains(user);
    if (event == "issues") {
        const bool labelled =
            (action == "labeled" &&
             lower(str(root.value("label").toObject(), "name")) == lower(config.githubLabel)) ||
            (action == "opened" && hasLabel(issue.value("labels").toArray(), config.githubLabel));
        if (!labelled)
            return ignore(t, "issues/" + action + " without the " + config.githubLabel +
                                 " label starts no build");
        if (!config.githubAllowedUsers.empty() && !listed) {
            t.kind = Kind::Forbidden;
            t.reason = "@" + t.sender + " is not in webhook.github_allowed_users";
            return t;
        }
        t.kind = Kind::Build;
        return t;
    }

    // issue_comment
    if (action != "created")
        return ignore(t, "issue_comment/" + action + " starts no build");
    std::string comment = str(root.value("comment").toObject(), "body");
    comment.erase(0, comment.find_first_not_of(" \t\r\n"));
    const auto& command = config.githubCommand;
    const bool isCommand = comment.rfind(command, 0) == 0 &&
                           (comment.size() == command.size() ||
                            std::isspace(static_cast<unsigned char>(comment[command.size()])));
    if (!isCommand)
        return ignore(t, "the comment does not start with " + command);
    if (!listed) {
        t.kind = Kind::Forbidden;
        t.reason = "@" + t.sender + " is not in webhook.github_allowed_users, so " + command +
                   " from them starts nothing";
        return t;
    }
    t.instructions = comment.substr(command.size());
    t.instructions.erase(0, t.instructions.find_first_not_of(" \t\r\n"));
    t.kind = Kind::Build;
    return t;
}

} // namespace builder::webhook
