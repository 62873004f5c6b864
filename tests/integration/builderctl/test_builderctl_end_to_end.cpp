// The real builderctl binary against a real builderd: what a script or CI job
// sees (stdout data, stderr diagnostics, exit codes).
#include "support/BuilderdProcess.h"
#include "support/GitFixture.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using builder::testing::BuilderdProcess;
using builder::testing::GitFixture;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

QJsonObject firstJsonLine(const QByteArray& out)
{
    return QJsonDocument::fromJson(out.split('\n').first()).object();
}

} // namespace

class BuilderctlEndToEndTest : public QObject
{
    Q_OBJECT

private:
    BuilderdProcess m_builderd{BuilderdProcess::Options{{"--rate-limits", "off"}, {}, {}, 20000}};
    QTemporaryDir m_repos;
    QString m_repositoryId;

    Run ctl(const QStringList& args, const QString& token = QStringLiteral("admin"))
    {
        QProcess p;
        QStringList all = {"--server", m_builderd.grpcAddress()};
        if (token == "admin")
            all << "--token" << m_builderd.adminToken();
        else if (!token.isEmpty())
            all << "--token" << token;
        all += args;
        // A data dir of its own, so no local admin token is picked up by accident.
        all << "--data-dir" << m_repos.path() + "/no-data";
        p.start(qEnvironmentVariable("BUILDER_TEST_BINARY_DIR") + "/app/builderctl/builderctl",
                all);
        if (!p.waitForFinished(30000))
            return {};
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                p.readAllStandardOutput(), p.readAllStandardError()};
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_builderd.start(), qPrintable(m_builderd.errorString()));
        QString error;
        QVERIFY2(GitFixture::createBareWithCommit(m_repos.path() + "/app.git", "trunk", &error),
                 qPrintable(error));
    }

    void registerDetectsBranchAndPrintsJson()
    {
        const Run run = ctl(
            {"--json", "repo", "register", "--name", "app", "--url", m_repos.path() + "/app.git"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const auto repo = firstJsonLine(run.out)["repository"].toObject();
        QCOMPARE(repo["name"].toString(), QString("app"));
        QCOMPARE(repo["default_branch"].toString(), QString("trunk"));
        m_repositoryId = repo["id"].toString();
        QVERIFY(!m_repositoryId.isEmpty());
    }

    void listShowsATable()
    {
        const Run run = ctl({"repo", "list"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.out.contains("NAME"));
        QVERIFY(run.out.contains("app"));
        QVERIFY(run.out.contains("trunk"));
    }

    void badUrlNamesTheFieldAndRule()
    {
        const Run run = ctl({"repo", "register", "--name", "bad", "--url", "ftp://example/x"});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("invalid_argument"), run.err.constData());
        QVERIFY2(run.err.contains("url: "), run.err.constData());
        QVERIFY2(run.err.contains("[string.uri]"), run.err.constData());
        QVERIFY(run.out.isEmpty());
    }

    void featureLifecycleThroughTheCli()
    {
        QVERIFY(!m_repositoryId.isEmpty());
        const Run created = ctl({"--json", "feature", "create", "--repo", m_repositoryId, "--title",
                                 "Add login endpoint", "--description",
                                 "Implement JWT login and logout endpoints with tests.",
                                 "--correlation-id", "cli-e2e-1"});
        QVERIFY2(created.exitCode == 0, created.err.constData());
        const auto execution = firstJsonLine(created.out)["execution"].toObject();
        const QString id = execution["id"].toString();
        QCOMPARE(execution["state"].toString(), QString("FEATURE_STATE_PENDING"));

        const Run found = ctl({"--json", "feature", "search", "--query", "login"});
        QVERIFY2(found.exitCode == 0, found.err.constData());
        QVERIFY(found.out.contains(id.toUtf8()));

        const Run byCorrelation = ctl({"feature", "get", "--correlation", "cli-e2e-1"});
        QVERIFY2(byCorrelation.exitCode == 0, byCorrelation.err.constData());
        QVERIFY(byCorrelation.out.contains(id.toUtf8()));

        const Run cancelled = ctl({"feature", "cancel", id, "--reason", "end-to-end test"});
        QVERIFY2(cancelled.exitCode == 0, cancelled.err.constData());

        // --follow ends by itself once the execution reached a terminal state.
        const Run events = ctl({"--json", "feature", "events", id, "--follow"});
        QVERIFY2(events.exitCode == 0, events.err.constData());
        const auto lines = events.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QStringList types;
        for (const auto& line : lines)
            types << QJsonDocument::fromJson(line).object()["event"].toObject()["type"].toString();
        QCOMPARE(types,
                 QStringList({"feature.created", "feature.state_changed", "feature.cancelled"}));
    }

    void missingTokenIsRefused()
    {
        const Run run = ctl({"repo", "list"}, QString());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("unauthenticated"), run.err.constData());
    }

    void unreachableServerExitsWithThree()
    {
        QProcess p;
        p.start(qEnvironmentVariable("BUILDER_TEST_BINARY_DIR") + "/app/builderctl/builderctl",
                {"--server", "127.0.0.1:1", "--token", "x", "--data-dir",
                 m_repos.path() + "/no-data", "repo", "list"});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 3);
        QVERIFY(p.readAllStandardError().contains("127.0.0.1:1"));
    }

    void cleanupTestCase() { QCOMPARE(m_builderd.stop(), 0); }
};

QTEST_GUILESS_MAIN(BuilderctlEndToEndTest)
#include "test_builderctl_end_to_end.moc"
