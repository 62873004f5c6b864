// The real builderctl binary's admin commands against a real builderd: what an
// operator's script sees (stdout data, stderr verdicts, exit codes).
#include "support/BuilderdProcess.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using builder::testing::BuilderdProcess;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestBuilderctlAdmin : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_data;
    QTemporaryDir m_scratch;
    std::unique_ptr<BuilderdProcess> m_builderd;

    Run ctl(const QStringList& args, const QString& token = {})
    {
        QProcess p;
        QStringList all = {"--server",   m_builderd->grpcAddress(),
                           "--token",    token.isEmpty() ? m_builderd->adminToken() : token,
                           "--data-dir", m_scratch.path() + "/no-data"};
        all += args;
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
        BuilderdProcess::Options options;
        options.dataDir = m_data.path();
        options.extraArgs = {"--rate-limits", "off"};
        m_builderd = std::make_unique<BuilderdProcess>(options);
        QVERIFY2(m_builderd->start(), qPrintable(m_builderd->errorString()));
    }

    void cleanupTestCase()
    {
        if (m_builderd)
            m_builderd->stop();
    }

    void reasonIsRequiredBeforeAnythingIsSent()
    {
        const auto run = ctl({"admin", "killswitch", "set"});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("--reason"), run.err.constData());
        const auto badRepo = ctl({"admin", "killswitch", "set", "--repo", "x", "--reason", "r"});
        QCOMPARE(badRepo.exitCode, 2);
        QVERIFY2(badRepo.err.contains("--repo"), badRepo.err.constData());
    }

    void setGetRelease()
    {
        auto run = ctl({"admin", "killswitch", "set", "--reason", "deploy freeze"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("ENGAGED") && run.out.contains("deploy freeze"),
                 run.out.constData());

        run = ctl({"admin", "killswitch", "get"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("global") && run.out.contains("ENGAGED") &&
                     run.out.contains("local-admin"),
                 run.out.constData());

        run = ctl({"--json", "admin", "killswitch", "get"});
        QCOMPARE(run.exitCode, 0);
        const auto json = QJsonDocument::fromJson(run.out.split('\n').first()).object();
        QCOMPARE(json["global"].toObject()["engaged"].toBool(), true);

        run = ctl({"admin", "killswitch", "release", "--reason", "freeze over"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("released"), run.out.constData());

        // Not for engineers.
        const auto engineer = m_builderd->createToken("erin", "engineer");
        run = ctl({"admin", "killswitch", "set", "--reason", "mine"}, engineer);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("PERMISSION_DENIED") || run.err.contains("permission"),
                 run.err.constData());
    }

    void otherListsAnswer()
    {
        auto run = ctl({"admin", "dead-letters", "list"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains("no dead letters found"), run.err.constData());
        run = ctl({"admin", "dead-letters", "requeue", "not-a-uuid"});
        QCOMPARE(run.exitCode, 2);
        run = ctl({"admin", "webhooks", "--state", "failed"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains("no webhook deliveries found"), run.err.constData());
    }

    void auditListsAndReportsTampering()
    {
        auto run = ctl({"admin", "audit"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("killswitch.set") && run.out.contains("killswitch.release") &&
                     run.out.contains("deploy freeze"),
                 run.out.constData());
        QVERIFY2(run.err.contains("audit chain intact: 4 entries verified"), run.err.constData());
        run = ctl({"admin", "audit", "--action", "killswitch.release"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(!run.out.contains("killswitch.set"));

        sqlite3* db = nullptr;
        const auto path = (m_data.path() + "/builder.db").toStdString();
        QCOMPARE(sqlite3_open(path.c_str(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, "DELETE FROM audit_log WHERE seq = 3", nullptr, nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close(db);
        run = ctl({"admin", "audit"});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("AUDIT CHAIN BROKEN at entry 3"), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestBuilderctlAdmin)
#include "test_builderctl_admin.moc"
