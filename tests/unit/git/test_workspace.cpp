// Workspace on real repositories: creation from a mirror branch, commitAll with
// every kind of change, resets, reopening. Checked with the real git CLI.
#include "WorkspaceTestCase.h"
#include "git/Workspace.h"

#include <QDir>
#include <QFile>
#include <QTest>

using builder::common::StatusCode;
using builder::git::Signature;
using builder::git::Workspace;

class TestWorkspace : public WorkspaceTestCase
{
    Q_OBJECT

private:
    int m_identityRuns = 0;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_fixture.setUp());
        m_mirror = m_fixture.mirror();
        m_baseSha = m_fixture.baseSha();
    }

    void createsBranchFromBase()
    {
        Workspace ws = create("create");
        const QString dir = path("create");

        QCOMPARE(ws.branch(), std::string("builder/create"));
        QCOMPARE(str(ws.headSha().value()), m_baseSha);
        QCOMPARE(str(ws.baseSha().value()), m_baseSha);
        QCOMPARE(m_repos.gitIn(dir, {"rev-parse", "--abbrev-ref", "HEAD"}),
                 QString("builder/create"));
        QCOMPARE(m_repos.gitIn(dir, {"status", "--porcelain"}), QString(""));
        QCOMPARE(TestRepos::readFile(dir + "/src/main.cpp"), baseFiles().value("src/main.cpp"));
        QCOMPARE(TestRepos::readFile(dir + "/image.bin"), kBinary);
        // No remote, no credential: just core settings and the borrowed objects.
        const QByteArray config = TestRepos::readFile(dir + "/.git/config");
        QVERIFY2(!config.contains("[remote"), config.constData());
        QVERIFY2(!config.contains("url"), config.constData());
        QVERIFY(TestRepos::readFile(dir + "/.git/objects/info/alternates")
                    .startsWith(QDir(QString::fromStdString(m_mirror)).absolutePath().toUtf8()));
        // No scratch directory left next to it.
        QCOMPARE(
            QDir(m_dir.path()).entryList({".create.partial-*"}, QDir::AllEntries | QDir::Hidden),
            QStringList());
    }

    void createsFromOtherBranchOrCommit()
    {
        Workspace release = create("from-release", "release");
        QVERIFY(QFile::exists(path("from-release/RELEASE")));
        QCOMPARE(str(release.baseSha().value()),
                 m_repos.revParse(QString::fromStdString(m_mirror), "refs/heads/release"));

        Workspace pinned = create("from-sha", m_baseSha.toStdString());
        QCOMPARE(str(pinned.headSha().value()), m_baseSha);
        QVERIFY(!QFile::exists(path("from-sha/RELEASE")));
    }

    void createRejectsBadInput_data()
    {
        QTest::addColumn<QString>("dir");
        QTest::addColumn<QString>("branch");
        QTest::addColumn<QString>("base");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("mentions");
        QTest::addRow("missing base") << "bad-base"
                                      << "builder/x"
                                      << "nope" << int(StatusCode::NotFound) << "'nope'";
        QTest::addRow("unknown sha") << "bad-sha"
                                     << "builder/x"
                                     << "0123456789012345678901234567890123456789"
                                     << int(StatusCode::NotFound) << "0123456789";
        QTest::addRow("bad branch") << "bad-branch"
                                    << "feature..x"
                                    << "main" << int(StatusCode::InvalidArgument) << "branch_name";
        QTest::addRow("existing dir")
            << "create"
            << "builder/y"
            << "main" << int(StatusCode::AlreadyExists) << "already exists";
    }
    void createRejectsBadInput()
    {
        QFETCH(QString, dir);
        QFETCH(QString, branch);
        QFETCH(QString, base);
        QFETCH(int, code);
        QFETCH(QString, mentions);
        if (dir == "create" && !QFile::exists(path("create"))) {
            QVERIFY(QDir().mkpath(path("create/occupied")));
        }
        const bool existed = QFile::exists(path(dir));

        const auto ws = Workspace::create(m_mirror, path(dir).toStdString(), branch.toStdString(),
                                          base.toStdString());

        QVERIFY(!ws.ok());
        QCOMPARE(int(ws.error().code()), code);
        QVERIFY2(str(ws.error().message()).contains(mentions), ws.error().message().c_str());
        QCOMPARE(QFile::exists(path(dir)), existed);
    }

    void missingMirrorIsNotFound()
    {
        const auto ws = Workspace::create(path("no-mirror.git").toStdString(),
                                          path("ws-no-mirror").toStdString(), "b", "main");
        QVERIFY(!ws.ok());
        QCOMPARE(ws.error().code(), StatusCode::NotFound);
    }

    void commitAllStagesEveryKindOfChange()
    {
        Workspace ws = create("commit");
        const QString dir = path("commit");
        makeStepChanges(dir);

        const auto info = ws.commitAll("Step 1: add run()  \n\nDetails.\n\n", kBot);

        QVERIFY2(info.ok(), info.ok() ? "" : info.error().message().c_str());
        QCOMPARE(info->filesChanged, 4);
        QCOMPARE(info->additions, 5);
        QCOMPARE(info->deletions, 2);
        QCOMPARE(str(info->sha), m_repos.revParse(dir, "HEAD"));
        QCOMPARE(str(ws.headSha().value()), str(info->sha));
        QCOMPARE(m_repos.revParse(dir, "HEAD~1"), m_baseSha);
        QCOMPARE(m_repos.revParse(dir, "refs/heads/builder/commit"), str(info->sha));
        // The CLI agrees on the counts (it detects renames by default too).
        QCOMPARE(m_repos.gitIn(dir, {"show", "--shortstat", "--format=", "HEAD"}),
                 QString("4 files changed, 5 insertions(+), 2 deletions(-)"));
        QCOMPARE(m_repos.gitIn(dir, {"log", "-1", "--format=%an <%ae>|%cn <%ce>|%B"}),
                 QString("Builder Bot <bot@builder.invalid>|Builder Bot "
                         "<bot@builder.invalid>|Step 1: add run()\n\nDetails."));
        const QString tracked = m_repos.gitIn(dir, {"ls-files"});
        QVERIFY(tracked.contains("lib/util.cpp"));
        QVERIFY(tracked.contains("src/new.cpp"));
        QVERIFY(!tracked.contains("src/util.cpp"));
        QVERIFY(!tracked.contains("docs/old.txt"));
        QVERIFY(!tracked.contains("build/"));
        QVERIFY(!tracked.contains("app.log"));
        QCOMPARE(m_repos.gitIn(dir, {"status", "--porcelain"}), QString(""));

        const auto paths = ws.trackedFiles();
        QVERIFY(paths.ok());
        QStringList ours;
        for (const auto& p : *paths) {
            ours << str(p);
        }
        QCOMPARE(ours.join('\n'), tracked);
    }

    void nothingToCommit()
    {
        Workspace ws = create("nothing");
        TestRepos::writeFile(path("nothing/build/ignored.o"), "ignored");

        const auto info = ws.commitAll("empty", kBot);

        QVERIFY(!info.ok());
        QCOMPARE(info.error().code(), StatusCode::FailedPrecondition);
        QVERIFY2(str(info.error().message()).contains("nothing to commit"),
                 info.error().message().c_str());
        QCOMPARE(str(ws.headSha().value()), m_baseSha);
    }

    void commitAllRejectsBadIdentity_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("field");
        QTest::addRow("blank message") << "  \n"
                                       << "Bot"
                                       << "b@x"
                                       << "message";
        QTest::addRow("empty name") << "m"
                                    << ""
                                    << "b@x"
                                    << "signature.name";
        QTest::addRow("angle in name") << "m"
                                       << "Bot <evil>"
                                       << "b@x"
                                       << "signature.name";
        QTest::addRow("newline in email") << "m"
                                          << "Bot"
                                          << "b@x\nX"
                                          << "signature.email";
    }
    void commitAllRejectsBadIdentity()
    {
        QFETCH(QString, message);
        QFETCH(QString, name);
        QFETCH(QString, email);
        QFETCH(QString, field);
        const QString dir = "identity-" + QString::number(++m_identityRuns);
        Workspace ws = create(dir);
        TestRepos::writeFile(path(dir + "/x.txt"), "x");

        const auto info =
            ws.commitAll(message.toStdString(), {name.toStdString(), email.toStdString()});

        QVERIFY(!info.ok());
        QCOMPARE(info.error().code(), StatusCode::InvalidArgument);
        QCOMPARE(str(info.error().violations().at(0).fieldPath), field);
    }

    void resetHardDiscardsPartialWork()
    {
        Workspace ws = create("reset");
        const QString dir = path("reset");
        TestRepos::writeFile(dir + "/kept.txt", "kept");
        const auto step = ws.commitAll("good step", kBot);
        QVERIFY(step.ok());
        // A failed step: edits, a deletion, new files and folders, build output.
        TestRepos::writeFile(dir + "/README.md", "broken\n");
        QFile::remove(dir + "/src/main.cpp");
        TestRepos::writeFile(dir + "/half/done/file.cpp", "partial");
        TestRepos::writeFile(dir + "/stray.txt", "stray");
        TestRepos::writeFile(dir + "/build/cache.o", "incremental build output");

        QVERIFY(ws.resetHard(step->sha).ok());

        QCOMPARE(str(ws.headSha().value()), str(step->sha));
        QCOMPARE(TestRepos::readFile(dir + "/README.md"), QByteArray("hello\n"));
        QVERIFY(QFile::exists(dir + "/src/main.cpp"));
        QVERIFY(QFile::exists(dir + "/kept.txt"));
        QVERIFY(!QFile::exists(dir + "/stray.txt"));
        QVERIFY(!QFile::exists(dir + "/half"));
        QVERIFY(QFile::exists(dir + "/build/cache.o"));
        QCOMPARE(m_repos.gitIn(dir, {"status", "--porcelain"}), QString(""));

        // Back to the base: the step's commit goes too.
        QVERIFY(ws.resetHard(m_baseSha.toStdString()).ok());
        QCOMPARE(m_repos.revParse(dir, "refs/heads/builder/reset"), m_baseSha);
        QVERIFY(!QFile::exists(dir + "/kept.txt"));
    }

    // The pipeline resets before every step, mostly with nothing to undo (a quick
    // status check then); a change that only the index holds must still be undone.
    void resetHardAtHeadUndoesIndexOnlyChanges()
    {
        Workspace ws = create("reset-head");
        const QString dir = path("reset-head");
        TestRepos::writeFile(dir + "/build/cache.o", "incremental build output");
        const std::string head = ws.headSha().value();

        QVERIFY(ws.resetHard(head).ok());
        QVERIFY(QFile::exists(dir + "/build/cache.o"));
        QCOMPARE(m_repos.gitIn(dir, {"status", "--porcelain"}), QString(""));

        // Staged: a new file and the removal of a tracked one that stays on disk.
        TestRepos::writeFile(dir + "/staged.txt", "staged");
        QVERIFY(!m_repos.gitIn(dir, {"add", "staged.txt"}).isNull());
        QVERIFY(!m_repos.gitIn(dir, {"rm", "--quiet", "--cached", "README.md"}).isNull());
        QVERIFY(m_repos.gitIn(dir, {"status", "--porcelain"}) != QString(""));

        QVERIFY(ws.resetHard(head).ok());

        QCOMPARE(str(ws.headSha().value()), str(head));
        QVERIFY(!QFile::exists(dir + "/staged.txt"));
        QCOMPARE(TestRepos::readFile(dir + "/README.md"), QByteArray("hello\n"));
        QVERIFY(m_repos.gitIn(dir, {"ls-files"}).contains("README.md"));
        QCOMPARE(m_repos.gitIn(dir, {"status", "--porcelain"}), QString(""));
        QVERIFY(QFile::exists(dir + "/build/cache.o"));
    }

    void openFindsAnExistingWorkspace()
    {
        auto ws = Workspace::open(path("commit").toStdString());
        QVERIFY(ws.ok());
        QCOMPARE(ws->branch(), std::string("builder/commit"));
        QCOMPARE(str(ws->baseSha().value()), m_baseSha);
        QCOMPARE(str(ws->headSha().value()), m_repos.revParse(path("commit"), "HEAD"));

        QCOMPARE(Workspace::open(path("nowhere").toStdString()).error().code(),
                 StatusCode::NotFound);
        QCOMPARE(Workspace::open(m_mirror).error().code(), StatusCode::FailedPrecondition);
    }
};

QTEST_GUILESS_MAIN(TestWorkspace)
#include "test_workspace.moc"
