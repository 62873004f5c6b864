#include "HttpTestClient.h"
#include "feature/admin/v1/admin.grpc.pb.h"
#include "feature/feature/v1/feature.grpc.pb.h"
#include "feature/repository/v1/repository.grpc.pb.h"
#include "support/BuilderdProcess.h"
#include "support/GrpcTestClient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QTest>

using namespace builder;
using testing::BuilderdProcess;
using testing::GrpcTestClient;
using testing::HttpTestClient;
namespace av1 = feature::admin::v1;
namespace fv1 = feature::feature::v1;
namespace rv1 = feature::repository::v1;

namespace {

const QByteArray kSecret = "github-webhook-secret-for-tests";
const QString kIssueUrl = "https://github.com/acme/widgets/issues/7";

QByteArray sign(const QByteArray& body, const QByteArray& secret = kSecret)
{
    return "sha256=" +
           QMessageAuthenticationCode::hash(body, secret, QCryptographicHash::Sha256).toHex();
}

QJsonObject repository(const QString& name)
{
    return {{"full_name", "acme/" + name},
            {"html_url", "https://github.com/acme/" + name},
            {"clone_url", "https://github.com/acme/" + name + ".git"},
            {"ssh_url", "git@github.com:acme/" + name + ".git"}};
}

QJsonObject issue()
{
    return {{"number", 7},
            {"title", "Count characters"},
            {"body", "Add a -c option to textstats that prints the number of characters."},
            {"html_url", kIssueUrl},
            {"state", "open"}};
}

QByteArray labelled(const QString& repo = "widgets", const QString& sender = "octocat")
{
    return QJsonDocument(QJsonObject{{"action", "labeled"},
                                     {"label", QJsonObject{{"name", "auto-build"}}},
                                     {"issue", issue()},
                                     {"repository", repository(repo)},
                                     {"sender", QJsonObject{{"login", sender}}}})
        .toJson(QJsonDocument::Compact);
}

QByteArray buildComment(const QString& sender)
{
    return QJsonDocument(QJsonObject{{"action", "created"},
                                     {"comment", QJsonObject{{"body", "/build with tests please"}}},
                                     {"issue", issue()},
                                     {"repository", repository("widgets")},
                                     {"sender", QJsonObject{{"login", sender}}}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

// POST /webhooks/github on a real builderd: refused without a secret or a valid
// signature, deduplicated by delivery, and a labelled issue or an allowed
// /build comment creating a feature on the registered repository.
class TestGithubWebhook : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<BuilderdProcess> m_builderd;
    std::shared_ptr<grpc::Channel> m_channel;
    QString m_token;
    std::string m_repositoryId;

    HttpTestClient::Reply deliver(const QByteArray& event, const QByteArray& delivery,
                                  const QByteArray& body, const QByteArray& signature,
                                  BuilderdProcess* to = nullptr)
    {
        HttpTestClient http((to ? to : m_builderd.get())->httpAddress());
        QByteArray request = "POST /webhooks/github HTTP/1.1\r\nHost: builder\r\n"
                             "Content-Type: application/json\r\nConnection: close\r\n"
                             "User-Agent: GitHub-Hookshot/test\r\n";
        if (!event.isEmpty())
            request += "X-GitHub-Event: " + event + "\r\n";
        if (!delivery.isEmpty())
            request += "X-GitHub-Delivery: " + delivery + "\r\n";
        if (!signature.isEmpty())
            request += "X-Hub-Signature-256: " + signature + "\r\n";
        request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        return http.raw(request);
    }

    int executionCount()
    {
        auto features = fv1::FeatureService::NewStub(m_channel);
        fv1::SearchRequest request;
        request.set_repository_id(m_repositoryId);
        auto context = GrpcTestClient::context(m_token);
        auto reader = features->Search(context.get(), request);
        fv1::SearchResponse response;
        int n = 0;
        while (reader->Read(&response))
            ++n;
        return reader->Finish().ok() ? n : -1;
    }

private slots:
    void initTestCase()
    {
        BuilderdProcess::Options options;
        options.extraArgs = {"--rate-limits",
                             "off",
                             "--webhook.github_secret",
                             QString(kSecret),
                             "--webhook.github_allowed_users",
                             "OctoCat,hubot"};
        m_builderd = std::make_unique<BuilderdProcess>(options);
        QVERIFY2(m_builderd->start(), qPrintable(m_builderd->errorString()));
        m_token = m_builderd->adminToken();
        m_channel = GrpcTestClient::channel(m_builderd->grpcAddress());
        auto repos = rv1::RepositoryService::NewStub(m_channel);
        rv1::RegisterRequest reg;
        reg.set_name("widgets");
        reg.set_url("git@github.com:Acme/Widgets.git"); // matched whatever the spelling
        reg.set_default_branch("main");
        rv1::RegisterResponse registered;
        QVERIFY(repos->Register(GrpcTestClient::context(m_token).get(), reg, &registered).ok());
        m_repositoryId = registered.repository().id();
    }

    void cleanupTestCase()
    {
        m_channel.reset();
        if (m_builderd)
            m_builderd->stop();
    }

    void refusedWithoutAConfiguredSecret()
    {
        BuilderdProcess plain;
        QVERIFY2(plain.start(), qPrintable(plain.errorString()));
        const auto reply = deliver("issues", "d-none", labelled(), sign(labelled()), &plain);
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.json()["code"].toString(), QStringLiteral("not_found"));
        QVERIFY(reply.json()["message"].toString().contains("webhook.github_secret"));
    }

    void badSignaturesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("signature");
        QTest::newRow("missing") << QByteArray();
        QTest::newRow("signed with another secret")
            << sign(labelled(), "not-the-secret-at-all-really");
        QTest::newRow("signature of another body") << sign(labelled("widgets", "hubot"));
        QTest::newRow("sha1 form") << ("sha1=" + sign(labelled()).mid(7, 40));
    }

    void badSignaturesAreRefused()
    {
        QFETCH(QByteArray, signature);
        const auto reply = deliver("issues", "d-bad-" + QByteArray(QTest::currentDataTag()).toHex(),
                                   labelled(), signature);
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.json()["code"].toString(), QStringLiteral("unauthenticated"));
        QCOMPARE(executionCount(), 0);
    }

    void onlyPostToTheGithubPath()
    {
        HttpTestClient http(m_builderd->httpAddress());
        auto reply = http.get("/webhooks/github");
        QCOMPARE(reply.status, 405);
        reply = http.post("/webhooks/gitlab", "{}");
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.json()["code"].toString(), QStringLiteral("not_found"));
    }

    void pingIsAnswered()
    {
        const QByteArray body = "{\"zen\":\"Keep it logically awesome.\"}";
        const auto reply = deliver("ping", "d-ping", body, sign(body));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json()["status"].toString(), QStringLiteral("pong"));
    }

    void labelledIssueCreatesAFeatureOnce()
    {
        const auto body = labelled();
        auto reply = deliver("issues", "d-label-1", body, sign(body));
        QVERIFY2(reply.status == 201, reply.describe().constData());
        QCOMPARE(reply.json()["status"].toString(), QStringLiteral("created"));
        const auto id = reply.json()["feature_execution_id"].toString();
        QCOMPARE(reply.json()["repository_id"].toString(), QString::fromStdString(m_repositoryId));

        // Found by the issue's URL, with the issue's title and text.
        auto features = fv1::FeatureService::NewStub(m_channel);
        fv1::GetByCorrelationRequest byIssue;
        byIssue.set_correlation_id(kIssueUrl.toStdString());
        fv1::GetByCorrelationResponse found;
        QVERIFY(features->GetByCorrelation(GrpcTestClient::context(m_token).get(), byIssue, &found)
                    .ok());
        QCOMPARE(QString::fromStdString(found.execution().id()), id);
        QCOMPARE(QString::fromStdString(found.execution().spec().title()),
                 QStringLiteral("Count characters"));
        const auto description = QString::fromStdString(found.execution().spec().description());
        QVERIFY(description.contains("prints the number of characters"));
        QVERIFY(description.contains(kIssueUrl) && description.contains("@octocat"));

        // The same delivery again changes nothing.
        reply = deliver("issues", "d-label-1", body, sign(body));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json()["status"].toString(), QStringLiteral("duplicate"));
        QCOMPARE(reply.json()["feature_execution_id"].toString(), id);
        QCOMPARE(executionCount(), 1);

        av1::ListAuditRequest request;
        request.set_action("webhook.github_build");
        av1::ListAuditResponse audit;
        auto admin = av1::AdminService::NewStub(m_channel);
        QVERIFY(admin->ListAudit(GrpcTestClient::context(m_token).get(), request, &audit).ok());
        QCOMPARE(audit.entries_size(), 1);
        QCOMPARE(QString::fromStdString(audit.entries(0).actor()),
                 QStringLiteral("github:octocat"));
        QCOMPARE(QString::fromStdString(audit.entries(0).target_id()), id);
    }

    void unknownRepositoryIsNotFound()
    {
        const auto body = labelled("gadgets");
        const auto reply = deliver("issues", "d-unknown", body, sign(body));
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.json()["code"].toString(), QStringLiteral("not_found"));
        QVERIFY2(reply.json()["message"].toString().contains(
                     "no registered repository matches acme/gadgets"),
                 reply.body.constData());
        QCOMPARE(executionCount(), 1);
    }

    void buildCommentNeedsAnAllowedUser()
    {
        auto body = buildComment("mallory");
        auto reply = deliver("issue_comment", "d-comment-1", body, sign(body));
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.json()["code"].toString(), QStringLiteral("permission_denied"));
        QVERIFY(reply.json()["message"].toString().contains("@mallory"));
        QCOMPARE(executionCount(), 1);

        body = buildComment("hubot");
        reply = deliver("issue_comment", "d-comment-2", body, sign(body));
        QVERIFY2(reply.status == 201, reply.describe().constData());
        QCOMPARE(executionCount(), 2);
    }

    void otherEventsAreIgnored()
    {
        const QByteArray body = "{\"ref\":\"refs/heads/main\"}";
        const auto reply = deliver("push", "d-push", body, sign(body));
        QCOMPARE(reply.status, 202);
        QCOMPARE(reply.json()["status"].toString(), QStringLiteral("ignored"));
        QCOMPARE(executionCount(), 2);
    }

    void killSwitchRefusesAndARedeliveryWorksAfterwards()
    {
        auto admin = av1::AdminService::NewStub(m_channel);
        av1::SetKillSwitchRequest set;
        set.set_scope(av1::KILL_SWITCH_SCOPE_GLOBAL);
        set.set_engaged(true);
        set.set_reason("freeze for the release");
        av1::SetKillSwitchResponse state;
        QVERIFY(admin->SetKillSwitch(GrpcTestClient::context(m_token).get(), set, &state).ok());
        auto body = buildComment("octocat");
        auto reply = deliver("issue_comment", "d-frozen", body, sign(body));
        QCOMPARE(reply.json()["code"].toString(), QStringLiteral("failed_precondition"));
        QVERIFY(reply.json()["message"].toString().contains("freeze for the release"));
        QCOMPARE(executionCount(), 2);

        set.set_engaged(false);
        set.set_reason("release shipped");
        QVERIFY(admin->SetKillSwitch(GrpcTestClient::context(m_token).get(), set, &state).ok());
        // GitHub's "redeliver" sends the same delivery id: it was not spent.
        reply = deliver("issue_comment", "d-frozen", body, sign(body));
        QVERIFY2(reply.status == 201, reply.describe().constData());
        QCOMPARE(executionCount(), 3);
    }
};

QTEST_GUILESS_MAIN(TestGithubWebhook)
#include "test_github_webhook.moc"
