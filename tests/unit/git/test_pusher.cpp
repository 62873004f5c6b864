// Pusher against bare remotes on disk: first push, idempotent repeat, fast
// forward, refusal to overwrite a diverged branch, and input checks.
#include "TestRepos.h"
#include "git/MirrorCache.h"
#include "git/Pusher.h"
#include "git/Workspace.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <utime.h>

#include <chrono>

using builder::common::CancelToken;
using builder::common::StatusCode;
using builder::git::MirrorCache;
using builder::git::Pusher;
using builder::git::Signature;
using builder::git::Workspace;

namespace {

const Signature kBot{"Builder Bot", "bot@builder.invalid"};

QString str(const std::string& text)
{
    return QString::fromStdString(text);
}

} // namespace

class TestPusher : public QObject
{
    Q_OBJECT

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }
    std::string remote() const { return path("origin.git").toStdString(); }

    // A workspace on its own branch with one commit; returns that commit.
    std::string workspaceWithCommit(const QString& name)
    {
        auto ws = Workspace::create(m_mirror, path(name).toStdString(),
                                    "builder/" + name.toStdString(), "main");
        if (!ws.ok()) {
            return {};
        }
        TestRepos::writeFile(path(name + "/" + name + ".txt"), "work of " + name.toUtf8());
        const auto info = ws->commitAll("work on " + name.toStdString(), kBot);
        return info.ok() ? info->sha : std::string();
    }

    QTemporaryDir m_dir;
    TestRepos m_repos{m_dir.path()};
    std::string m_mirror;
    QString m_baseSha;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("HOME", path("home").toUtf8());
        qunsetenv("XDG_CONFIG_HOME");
        QVERIFY(m_repos.createRemote("origin.git", {{"README.md", "hello\n"}}, &m_baseSha));
        MirrorCache cache(path("mirrors").toStdString());
        const auto status = cache.ensure("repo", remote(), {}, CancelToken());
        QVERIFY(status.ok());
        m_mirror = status->path;
    }

    void pushesNewBranchThenReportsAlreadyThere()
    {
        const std::string sha = workspaceWithCommit("first");
        QVERIFY(!sha.empty());

        const auto pushed = Pusher::push(path("first").toStdString(), remote(), {}, sha,
                                         "builder/first", CancelToken());

        QVERIFY2(pushed.ok(), pushed.ok() ? "" : pushed.error().message().c_str());
        QVERIFY(pushed->pushed);
        QVERIFY(!pushed->alreadyThere);
        QCOMPARE(pushed->remoteSha, sha);
        QCOMPARE(m_repos.revParse(path("origin.git"), "refs/heads/builder/first"), str(sha));
        QCOMPARE(m_repos.gitIn(path("origin.git"), {"fsck", "--no-progress"}), QString(""));

        const auto again = Pusher::push(path("first").toStdString(), remote(), {}, sha,
                                        "builder/first", CancelToken());

        QVERIFY(again.ok());
        QVERIFY(!again->pushed);
        QVERIFY(again->alreadyThere);
        QCOMPARE(again->remoteSha, sha);
        // Nothing about the remote was recorded in the workspace.
        QVERIFY(!TestRepos::readFile(path("first/.git/config")).contains("[remote"));
        QVERIFY(m_repos.revParse(path("first"), "refs/remotes/origin/builder/first").isEmpty());
    }

    void fastForwardIsPushed()
    {
        const std::string first = workspaceWithCommit("ff");
        QVERIFY(
            Pusher::push(path("ff").toStdString(), remote(), {}, first, "builder/ff", CancelToken())
                .ok());
        auto ws = Workspace::open(path("ff").toStdString());
        TestRepos::writeFile(path("ff/more.txt"), "more");
        const auto second = ws->commitAll("more", kBot);
        QVERIFY(second.ok());

        const auto pushed = Pusher::push(path("ff").toStdString(), remote(), {}, second->sha,
                                         "builder/ff", CancelToken());

        QVERIFY(pushed.ok());
        QVERIFY(pushed->pushed);
        QCOMPARE(m_repos.revParse(path("origin.git"), "refs/heads/builder/ff"), str(second->sha));
    }

    void divergedRemoteIsRefusedAndUnchanged()
    {
        const std::string ours = workspaceWithCommit("diverged");
        QString theirs;
        // Someone else created the branch meanwhile, from the same base.
        QVERIFY(m_repos.pushCommit("origin.git", "builder/diverged", {{"theirs.txt", "t"}}, {},
                                   "their work", &theirs));

        const auto pushed = Pusher::push(path("diverged").toStdString(), remote(), {}, ours,
                                         "builder/diverged", CancelToken());

        QVERIFY(!pushed.ok());
        QCOMPARE(pushed.error().code(), StatusCode::FailedPrecondition);
        QVERIFY2(str(pushed.error().message()).contains("not an ancestor"),
                 pushed.error().message().c_str());
        QVERIFY(str(pushed.error().message()).contains(theirs));
        QCOMPARE(m_repos.revParse(path("origin.git"), "refs/heads/builder/diverged"), theirs);
    }

    void pushesFromTheMirrorToo()
    {
        const auto pushed =
            Pusher::push(m_mirror, remote(), {}, m_baseSha.toStdString(), "copy", CancelToken());
        QVERIFY(pushed.ok());
        QVERIFY(pushed->pushed);
        QCOMPARE(m_repos.revParse(path("origin.git"), "refs/heads/copy"), m_baseSha);
    }

    void rejectsBadInput_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("sha");
        QTest::addColumn<QString>("branch");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("mentions");
        const QString origin = path("origin.git");
        QTest::addRow("short sha") << origin << "abc"
                                   << "b" << int(StatusCode::InvalidArgument) << "local_sha";
        QTest::addRow("unknown sha")
            << origin << QString(40, 'e') << "b" << int(StatusCode::NotFound) << "eeee";
        QTest::addRow("bad branch")
            << origin << m_baseSha << "a..b" << int(StatusCode::InvalidArgument) << "remote_branch";
        QTest::addRow("bad scheme") << "ftp://host/r.git" << m_baseSha << "b"
                                    << int(StatusCode::InvalidArgument) << "ftp://host/r.git";
        QTest::addRow("missing remote") << path("missing.git") << m_baseSha << "b"
                                        << int(StatusCode::Unavailable) << "missing.git";
    }
    void rejectsBadInput()
    {
        QFETCH(QString, url);
        QFETCH(QString, sha);
        QFETCH(QString, branch);
        QFETCH(int, code);
        QFETCH(QString, mentions);

        const auto pushed = Pusher::push(m_mirror, url.toStdString(), {}, sha.toStdString(),
                                         branch.toStdString(), CancelToken());

        QVERIFY(!pushed.ok());
        QCOMPARE(int(pushed.error().code()), code);
        QVERIFY2(str(pushed.error().message()).contains(mentions),
                 pushed.error().message().c_str());
    }

    void staleLockOfADeadPusherIsClearedAFreshOneIsNot()
    {
        const std::string sha = workspaceWithCommit("locked");
        QVERIFY(!sha.empty());
        const QString lock = path("origin.git/refs/heads/builder/locked.lock");
        QVERIFY(QDir().mkpath(path("origin.git/refs/heads/builder")));
        TestRepos::writeFile(lock, "");
        // A fresh lock: someone is pushing; Unavailable, and the lock stays.
        auto pushed =
            Pusher::push(path("locked").toStdString(), remote(), {}, sha, "builder/locked",
                         CancelToken(), std::chrono::system_clock::now() + std::chrono::hours(1));
        QVERIFY(!pushed.ok());
        QCOMPARE(pushed.error().code(), StatusCode::Unavailable);
        QVERIFY(QFile::exists(lock));
        // Left by a process that died before this one started: cleared, pushed.
        const auto old =
            std::chrono::system_clock::to_time_t(std::chrono::system_clock::now()) - 60;
        struct utimbuf times
        {
            old, old
        };
        QCOMPARE(::utime(lock.toLocal8Bit().constData(), &times), 0);
        pushed = Pusher::push(path("locked").toStdString(), remote(), {}, sha, "builder/locked",
                              CancelToken(), std::chrono::system_clock::now());
        QVERIFY2(pushed.ok(), pushed.ok() ? "" : pushed.error().message().c_str());
        QVERIFY(pushed->pushed);
        QVERIFY(!QFile::exists(lock));
        QCOMPARE(m_repos.revParse(path("origin.git"), "refs/heads/builder/locked"), str(sha));
    }

    void cancelledTokenPushesNothing()
    {
        CancelToken token;
        token.cancel();
        const auto pushed =
            Pusher::push(m_mirror, remote(), {}, m_baseSha.toStdString(), "never", token);
        QVERIFY(!pushed.ok());
        QCOMPARE(pushed.error().code(), StatusCode::Cancelled);
        QVERIFY(m_repos.revParse(path("origin.git"), "refs/heads/never").isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPusher)
#include "test_pusher.moc"
