#include "GithubWebhook.h"

#include "GithubTrigger.h"
#include "RepositoryUrlKey.h"
#include "WebhookSignature.h"
#include "common/FeatureValidation.h"
#include "core/AuditActions.h"
#include "core/AuditLog.h"
#include "core/FeatureManager.h"
#include "store/Database.h"
#include "store/RepositoryStore.h"
#include "store/Timestamps.h"
#include "store/WebhookInboundStore.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <set>

namespace builder::webhook {

namespace fv1 = feature::feature::v1;
using common::StatusCode;

namespace {

constexpr std::size_t kMaxDeliveryIdLength = 128;

GithubWebhook::Reply reply(int status, const QJsonObject& body)
{
    return {status, QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString()};
}

GithubWebhook::Reply error(StatusCode code, const std::string& message)
{
    return reply(common::httpStatusFor(code),
                 QJsonObject{{"code", common::connectCodeName(code)},
                             {"message", QString::fromStdString(message)}});
}

// At most `max` code points, cut on a UTF-8 boundary.
std::string truncated(const std::string& text, std::size_t max)
{
    std::size_t points = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && ++points > max)
            return text.substr(0, i);
    }
    return text;
}

} // namespace

GithubWebhook::GithubWebhook(std::shared_ptr<store::Database> db, core::FeatureManager& features,
                             const core::AuditLog& audit, const WebhookConfig& config)
    : m_db(std::move(db)), m_features(features), m_audit(audit), m_config(config)
{}

GithubWebhook::Reply GithubWebhook::handle(const http::HttpRequest& request)
{
    if (request.path != kPath)
        return error(StatusCode::NotFound, "no webhook endpoint at " + request.path.toStdString() +
                                               " (GitHub posts to " + kPath + ")");
    if (!m_config.githubEnabled())
        return error(StatusCode::NotFound,
                     "GitHub webhooks are not enabled on this builderd (webhook.github_secret "
                     "is not configured)");
    if (request.method != "POST")
        return reply(405, {{"code", common::connectCodeName(StatusCode::InvalidArgument)},
                           {"message", QString(kPath) + " takes POST"}});
    const auto signature = request.header("x-hub-signature-256");
    if (signature.isEmpty())
        return error(StatusCode::Unauthenticated,
                     "X-Hub-Signature-256 is missing: GitHub deliveries must be signed with the "
                     "webhook secret");
    if (!WebhookSignature::verify(m_config.githubSecret, request.body.toStdString(),
                                  signature.toStdString()))
        return error(StatusCode::Unauthenticated,
                     "X-Hub-Signature-256 does not match the body (is the secret on GitHub the "
                     "one in webhook.github_secret?)");
    const auto deliveryId = request.header("x-github-delivery").toStdString();
    const auto event = request.header("x-github-event").toStdString();
    if (deliveryId.empty() || deliveryId.size() > kMaxDeliveryIdLength)
        return error(StatusCode::InvalidArgument,
                     "X-GitHub-Delivery must be present (1 to 128 characters)");
    if (event.empty())
        return error(StatusCode::InvalidArgument, "X-GitHub-Event must be present");

    auto seen = m_db->read(
        [&](store::Connection& c) -> common::Result<std::optional<store::WebhookInboundRecord>> {
            return store::WebhookInboundStore::find(c, deliveryId);
        });
    if (!seen.ok())
        return error(seen.error().code(), seen.error().message());
    if (seen.value())
        return reply(200,
                     {{"status", "duplicate"},
                      {"delivery", QString::fromStdString(deliveryId)},
                      {"outcome", QString::fromStdString(seen.value()->outcome)},
                      {"feature_execution_id", QString::fromStdString(seen.value()->executionId)}});
    if (event == "ping") {
        remember(deliveryId, event, "pong");
        return reply(200, {{"status", "pong"}});
    }

    const auto trigger = GithubTrigger::parse(event, request.body, m_config);
    switch (trigger.kind) {
    case GithubTrigger::Kind::Invalid:
        return error(StatusCode::InvalidArgument, trigger.reason);
    case GithubTrigger::Kind::Forbidden:
        return error(StatusCode::PermissionDenied, trigger.reason);
    case GithubTrigger::Kind::Ignore:
        remember(deliveryId, event, "ignored");
        return reply(202,
                     {{"status", "ignored"}, {"reason", QString::fromStdString(trigger.reason)}});
    case GithubTrigger::Kind::Build:
        break;
    }
    return build(trigger, deliveryId, event);
}

GithubWebhook::Reply GithubWebhook::build(const GithubTrigger& t, const std::string& deliveryId,
                                          const std::string& event)
{
    const auto repositoryId = matchRepository(t);
    if (repositoryId.empty())
        return error(StatusCode::NotFound,
                     "no registered repository matches " +
                         (t.repositoryName.empty()
                              ? t.repositoryUrls.front()
                              : t.repositoryName + " (" + t.repositoryUrls.front() + ")") +
                         "; register it with builderctl repo register");

    fv1::CreateRequest request;
    auto* spec = request.mutable_spec();
    spec->set_repository_id(repositoryId);
    spec->set_title(truncated(t.title, common::FeatureValidation::kTitleMaxLength));
    std::string footer = "\n\n---\nRequested on GitHub issue #" + std::to_string(t.issueNumber) +
                         " (" + t.issueUrl + ") by @" + t.sender + ".";
    if (!t.instructions.empty())
        footer = "\n\nAdditional instructions from @" + t.sender + ":\n" + t.instructions + footer;
    const auto room = common::FeatureValidation::kDescriptionMaxLength - 200;
    spec->set_description(truncated(t.body, room > footer.size() ? room - footer.size() : 0) +
                          footer);
    request.set_correlation_id(truncated(t.issueUrl.empty() ? "github:" + deliveryId : t.issueUrl,
                                         common::FeatureValidation::kCorrelationIdMaxLength));
    // The same delivery twice (even concurrently) yields the same execution.
    request.set_idempotency_key("github:" + deliveryId);

    security::Principal caller{"github:" + t.sender, security::Role::Engineer, ""};
    auto created = m_features.create(caller, request);
    if (!created.ok())
        return error(created.error().code(), created.error().message());
    const auto& e = created.value();

    (void)m_db->write([&](store::Connection& c) -> common::Result<bool> {
        const bool first = store::WebhookInboundStore::insert(
            c, {deliveryId, "github", event, "created", e.id(), store::Timestamps::nowMillis()});
        if (first)
            m_audit.record(c, core::AuditActor(caller.user, ""), core::AuditActions::kWebhookBuild,
                           {core::AuditTargets::kExecution, e.id()},
                           {{"delivery", deliveryId},
                            {"event", event},
                            {"issue", t.issueUrl},
                            {"repository_id", repositoryId}});
        return true;
    });
    return reply(201, {{"status", "created"},
                       {"feature_execution_id", QString::fromStdString(e.id())},
                       {"repository_id", QString::fromStdString(repositoryId)},
                       {"correlation_id", QString::fromStdString(e.correlation_id())}});
}

std::string GithubWebhook::matchRepository(const GithubTrigger& t)
{
    std::set<std::string> wanted;
    for (const auto& url : t.repositoryUrls)
        wanted.insert(RepositoryUrlKey::of(url));
    auto found = m_db->read([&](store::Connection& c) -> common::Result<std::string> {
        store::RepositoryQuery query;
        query.states = {feature::common::v1::STATE_ACTIVE};
        query.pageSize = 100;
        while (true) {
            auto page = store::RepositoryStore::list(c, query);
            if (!page.ok())
                return page.error();
            for (const auto& r : page->items)
                if (wanted.contains(RepositoryUrlKey::of(r.repository.url())))
                    return r.repository.id();
            if (page->nextPageToken.empty())
                return std::string();
            query.pageToken = page->nextPageToken;
        }
    });
    return found.ok() ? found.value() : std::string();
}

void GithubWebhook::remember(const std::string& deliveryId, const std::string& event,
                             const std::string& outcome)
{
    (void)m_db->write([&](store::Connection& c) -> common::Result<bool> {
        store::WebhookInboundStore::insert(
            c, {deliveryId, "github", event, outcome, "", store::Timestamps::nowMillis()});
        return true;
    });
}

} // namespace builder::webhook
