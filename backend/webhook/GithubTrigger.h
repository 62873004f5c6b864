#pragma once

#include "WebhookConfig.h"

#include <QByteArray>

#include <string>
#include <vector>

namespace builder::webhook {

// What one GitHub delivery asks of Builder, decided from its event name and
// JSON body alone: build a feature from an issue (an `issues` event labelled
// with the build label, or an `issue_comment` starting with the build
// command), or nothing (with the reason).
struct GithubTrigger
{
    enum class Kind
    {
        Build,
        Ignore,    // a valid delivery that asks for nothing
        Forbidden, // asks for a build, from a user who may not
        Invalid,   // not a GitHub payload Builder understands
    };

    Kind kind = Kind::Ignore;
    std::string reason;                      // why it is ignored, forbidden or invalid
    std::string sender;                      // the GitHub login that caused the event
    std::vector<std::string> repositoryUrls; // html_url, clone_url, ssh_url, git_url
    std::string repositoryName;              // "owner/name", for messages
    std::string issueUrl;
    int issueNumber = 0;
    std::string title;
    std::string body;
    std::string instructions; // text after the build command in a comment

    // An empty allowed-users list admits label events (only people with triage
    // rights can label) and refuses every comment (anyone can comment).
    static GithubTrigger parse(const std::string& event, const QByteArray& json,
                               const WebhookConfig& config);
};

} // namespace builder::webhook
