// WorkspaceJanitor on real workspaces: orphans go, live ones and foreign folders
// stay, stale worktree entries of a mirror are pruned, retention is honoured.
#include "TestRepos.h"
#include "git/MirrorCache.h"
#include "git/Workspace.h"
#include "git/WorkspaceJanitor.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <filesystem>

using builder::common::CancelToken;
using builder::git::MirrorCache;
using builder::git::Workspace;
using builder::git::WorkspaceJanitor;

namespace fs = std::filesystem;

class TestWorkspaceJanitor : public QObject
{
    Q_OBJECT

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }

    bool makeWorkspace(const QString& root, const QString& id)
    {
        return Workspace::create(m_mirror, (root + "/" + id).toStdString(),
                                 "builder/" + id.toStdString(), "main")
            .ok();
    }

    static QStringList entries(const QString& dir)
    {
        auto list = QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
        list.sort();
        return list;
    }

    // Makes a workspace look untouched for a day.
    static void age(const QString& dir)
    {
        const auto old = fs::file_time_type::clock::now() - std::chrono::hours(24);
        for (const char* part : {"", "/.git/index", "/.git/HEAD", "/.git/logs/HEAD"}) {
            std::error_code ec;
            fs::last_write_time((dir + part).toStdString(), old, ec);
        }
    }

    QTemporaryDir m_dir;
    TestRepos m_repos{m_dir.path()};
    std::string m_mirror;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("HOME", path("home").toUtf8());
        qunsetenv("XDG_CONFIG_HOME");
        QVERIFY(m_repos.createRemote("origin.git", {{"a.txt", "a\n"}}));
        MirrorCache cache(path("mirrors").toStdString());
        const auto status =
            cache.ensure("repo", path("origin.git").toStdString(), {}, CancelToken());
        QVERIFY(status.ok());
        m_mirror = status->path;
    }

    void reconcileRemovesOrphansOnly()
    {
        const QString root = path("ws-reconcile");
        for (const char* id : {"live-1", "orphan-1", "live-2", "orphan-2"}) {
            QVERIFY(makeWorkspace(root, id));
        }
        // A read-only folder left by a sandboxed build must not block the removal.
        QVERIFY(QDir().mkpath(root + "/orphan-2/out/locked"));
        QVERIFY(QFile::setPermissions(root + "/orphan-2/out", QFile::ReadOwner | QFile::ExeOwner));
        // An interrupted create of an orphan and of a live execution.
        QVERIFY(QDir().mkpath(root + "/.orphan-3.partial-abc123/.git"));
        QVERIFY(QDir().mkpath(root + "/.live-1.partial-def456/.git"));
        // Not ours: no .git inside, or a plain file.
        QVERIFY(QDir().mkpath(root + "/notes"));
        QVERIFY(TestRepos::writeFile(root + "/README", "keep me"));
        // A worktree added by the git CLI on the mirror, owned by nobody.
        QVERIFY(
            m_repos.git().run({"--git-dir=" + QString::fromStdString(m_mirror), "worktree", "add",
                               "--quiet", "-b", "cli-branch", root + "/cli-orphan", "main"}));
        QVERIFY(QDir(QString::fromStdString(m_mirror) + "/worktrees").exists());

        const auto report = WorkspaceJanitor::reconcile(root.toStdString(), {"live-1", "live-2"},
                                                        path("mirrors").toStdString());

        QVERIFY(report.ok());
        QVERIFY2(report->failures.empty(),
                 report->failures.empty() ? "" : report->failures.front().c_str());
        QCOMPARE(int(report->removed.size()), 4);
        QCOMPARE(entries(root),
                 QStringList({".live-1.partial-def456", "README", "live-1", "live-2", "notes"}));
        QCOMPARE(report->prunedWorktrees, 1);
        QCOMPARE(m_repos.gitIn(QString::fromStdString(m_mirror), {"worktree", "list"})
                     .split('\n')
                     .size(),
                 1);
        // The live workspaces still work.
        auto live = Workspace::open((root + "/live-1").toStdString());
        QVERIFY(live.ok());
        QVERIFY(live->headSha().ok());
    }

    void removeExpiredHonoursRetention()
    {
        const QString root = path("ws-expire");
        for (const char* id : {"old-done", "fresh-done", "old-live"}) {
            QVERIFY(makeWorkspace(root, id));
        }
        age(root + "/old-done");
        age(root + "/old-live");

        const auto report = WorkspaceJanitor::removeExpired(root.toStdString(), {"old-live"},
                                                            std::chrono::hours(1));

        QVERIFY(report.ok());
        QCOMPARE(int(report->removed.size()), 1);
        QCOMPARE(entries(root), QStringList({"fresh-done", "old-live"}));
    }

    void missingRootIsEmpty()
    {
        const auto report = WorkspaceJanitor::reconcile(path("nothing-here").toStdString(), {});
        QVERIFY(report.ok());
        QVERIFY(report->removed.empty());
    }
};

QTEST_GUILESS_MAIN(TestWorkspaceJanitor)
#include "test_workspace_janitor.moc"
