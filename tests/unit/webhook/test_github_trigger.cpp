#include "webhook/GithubTrigger.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using builder::webhook::GithubTrigger;
using builder::webhook::WebhookConfig;

namespace {

QJsonObject repository()
{
    return {{"full_name", "acme/widgets"},
            {"html_url", "https://github.com/acme/widgets"},
            {"clone_url", "https://github.com/acme/widgets.git"},
            {"ssh_url", "git@github.com:acme/widgets.git"}};
}

QJsonObject issue(const QString& state = "open", const QJsonArray& labels = {})
{
    return {{"number", 7},
            {"title", "Count characters"},
            {"body", "Add a -c option that prints the number of characters."},
            {"html_url", "https://github.com/acme/widgets/issues/7"},
            {"state", state},
            {"labels", labels}};
}

QByteArray labelled(const QString& label, const QString& sender = "octocat")
{
    QJsonObject o{{"action", "labeled"},
                  {"label", QJsonObject{{"name", label}}},
                  {"issue", issue()},
                  {"repository", repository()},
                  {"sender", QJsonObject{{"login", sender}}}};
    return QJsonDocument(o).toJson();
}

QByteArray comment(const QString& body, const QString& sender = "octocat",
                   const QString& action = "created")
{
    QJsonObject o{{"action", action},
                  {"comment", QJsonObject{{"body", body}}},
                  {"issue", issue()},
                  {"repository", repository()},
                  {"sender", QJsonObject{{"login", sender}}}};
    return QJsonDocument(o).toJson();
}

WebhookConfig config(std::set<std::string> allowed = {"octocat"})
{
    WebhookConfig c;
    c.githubSecret = "a-secret-of-sixteen+";
    c.githubAllowedUsers = std::move(allowed);
    return c;
}

} // namespace

Q_DECLARE_METATYPE(GithubTrigger::Kind)

class TestGithubTrigger : public QObject
{
    Q_OBJECT

private slots:
    void decides_data()
    {
        QTest::addColumn<QString>("event");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("anyoneMayLabel"); // empty allowed-users list
        QTest::addColumn<GithubTrigger::Kind>("kind");
        QTest::addColumn<QString>("reason");
        using K = GithubTrigger::Kind;
        QTest::newRow("labelled auto-build by an allowed user")
            << "issues" << labelled("auto-build") << false << K::Build << "";
        QTest::newRow("label names are case-insensitive")
            << "issues" << labelled("Auto-Build") << false << K::Build << "";
        QTest::newRow("labelled by anyone, no list configured")
            << "issues" << labelled("auto-build", "stranger") << true << K::Build << "";
        QTest::newRow("labelled by a user not on the list")
            << "issues" << labelled("auto-build", "stranger") << false << K::Forbidden
            << "@stranger is not in webhook.github_allowed_users";
        QTest::newRow("another label")
            << "issues" << labelled("bug") << false << K::Ignore << "without the auto-build label";
        QTest::newRow("opened with the label")
            << "issues"
            << QJsonDocument(
                   QJsonObject{{"action", "opened"},
                               {"issue", issue("open", {QJsonObject{{"name", "auto-build"}}})},
                               {"repository", repository()},
                               {"sender", QJsonObject{{"login", "octocat"}}}})
                   .toJson()
            << false << K::Build << "";
        QTest::newRow("closed issue")
            << "issues"
            << QJsonDocument(QJsonObject{{"action", "labeled"},
                                         {"label", QJsonObject{{"name", "auto-build"}}},
                                         {"issue", issue("closed")},
                                         {"repository", repository()},
                                         {"sender", QJsonObject{{"login", "octocat"}}}})
                   .toJson()
            << false << K::Ignore << "closed";
        QTest::newRow("/build from an allowed user")
            << "issue_comment" << comment("/build") << false << K::Build << "";
        QTest::newRow("/build with leading blank line and instructions")
            << "issue_comment" << comment("\n  /build keep it small") << false << K::Build << "";
        QTest::newRow("/builder is not the command")
            << "issue_comment" << comment("/builder please") << false << K::Ignore
            << "does not start with /build";
        QTest::newRow("/build in the middle") << "issue_comment" << comment("please /build")
                                              << false << K::Ignore << "does not start";
        QTest::newRow("/build from a user not allowed")
            << "issue_comment" << comment("/build", "mallory") << false << K::Forbidden
            << "@mallory is not in webhook.github_allowed_users";
        QTest::newRow("/build with no list configured")
            << "issue_comment" << comment("/build", "octocat") << true << K::Forbidden
            << "not in webhook.github_allowed_users";
        QTest::newRow("an edited comment")
            << "issue_comment" << comment("/build", "octocat", "edited") << false << K::Ignore
            << "issue_comment/edited";
        QTest::newRow("push event") << "push" << labelled("auto-build") << false << K::Ignore
                                    << "the push event does not start builds";
        QTest::newRow("not JSON") << "issues" << QByteArray("{oops") << false << K::Invalid
                                  << "not a JSON object";
        QTest::newRow("no repository")
            << "issues"
            << QJsonDocument(QJsonObject{{"action", "labeled"}, {"issue", issue()}}).toJson()
            << false << K::Invalid << "no repository";
    }

    void decides()
    {
        QFETCH(QString, event);
        QFETCH(QByteArray, body);
        QFETCH(bool, anyoneMayLabel);
        QFETCH(GithubTrigger::Kind, kind);
        QFETCH(QString, reason);
        const auto t =
            GithubTrigger::parse(event.toStdString(), body, anyoneMayLabel ? config({}) : config());
        QCOMPARE(t.kind, kind);
        QVERIFY2(QString::fromStdString(t.reason).contains(reason), t.reason.c_str());
    }

    void buildCarriesTheIssue()
    {
        const auto t =
            GithubTrigger::parse("issue_comment", comment("/build  keep it small\n"), config());
        QCOMPARE(t.kind, GithubTrigger::Kind::Build);
        QCOMPARE(QString::fromStdString(t.title), QStringLiteral("Count characters"));
        QVERIFY(QString::fromStdString(t.body).contains("-c option"));
        QCOMPARE(QString::fromStdString(t.issueUrl),
                 QStringLiteral("https://github.com/acme/widgets/issues/7"));
        QCOMPARE(t.issueNumber, 7);
        QCOMPARE(QString::fromStdString(t.sender), QStringLiteral("octocat"));
        QCOMPARE(QString::fromStdString(t.instructions), QStringLiteral("keep it small\n"));
        QCOMPARE(t.repositoryUrls.size(), std::size_t(3));
        QCOMPARE(QString::fromStdString(t.repositoryName), QStringLiteral("acme/widgets"));
    }
};

QTEST_GUILESS_MAIN(TestGithubTrigger)
#include "test_github_trigger.moc"
