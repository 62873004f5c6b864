// MirrorCache against real bare remotes on disk: clone, fetch with prune, the warm
// and cold fallbacks when the remote is gone, cancellation and concurrency.
#include "FakeHttpServer.h"
#include "TestRepos.h"
#include "git/MirrorCache.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using builder::common::CancelToken;
using builder::common::StatusCode;
using builder::git::GitCredential;
using builder::git::MirrorCache;
using builder::git::TransferProgress;

namespace {

constexpr const char* kCanary = "CANARY-m1rr0r-5c8a2f";

GitCredential tokenCredential()
{
    GitCredential cred;
    cred.kind = GitCredential::Kind::Token;
    cred.secret = kCanary;
    return cred;
}

TestRepos::Files manyFiles(int count)
{
    TestRepos::Files files;
    for (int i = 0; i < count; ++i) {
        files.insert(QString("dir%1/file%2.txt").arg(i % 7).arg(i),
                     QByteArray("content of file ") + QByteArray::number(i) + "\n");
    }
    return files;
}

} // namespace

class TestMirrorCache : public QObject
{
    Q_OBJECT

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }
    // Entries (hidden ones too) of a directory, to prove nothing was left behind.
    static QStringList entries(const QString& dir)
    {
        return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    }

    QTemporaryDir m_dir;
    TestRepos m_repos{m_dir.path()};

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // libgit2 reads the user's git config: keep it out.
        qputenv("HOME", path("home").toUtf8());
        qunsetenv("XDG_CONFIG_HOME");
    }

    void cloneThenFetchPicksUpNewCommit()
    {
        QString first;
        QVERIFY(m_repos.createRemote("fetch.git", {{"a.txt", "one\n"}}, &first));
        QVERIFY(m_repos.pushCommit("fetch.git", "feature", {{"f.txt", "f\n"}}, {}, "feature"));
        QVERIFY(m_repos.git().run({"--git-dir=" + path("fetch.git"), "tag", "v1", "main"}));
        MirrorCache cache(path("mirrors-fetch").toStdString());

        const auto cloned =
            cache.ensure("repo-1", path("fetch.git").toStdString(), {}, CancelToken());

        QVERIFY2(cloned.ok(), cloned.ok() ? "" : cloned.error().message().c_str());
        QVERIFY(cloned->cloned);
        QVERIFY(cloned->fetched);
        QVERIFY(cloned->warning.empty());
        QCOMPARE(cloned->defaultBranch, std::string("main"));
        QCOMPARE(cloned->path, cache.mirrorPath("repo-1"));
        const QString mirror = QString::fromStdString(cloned->path);
        QCOMPARE(m_repos.revParse(mirror, "refs/heads/main"), first);
        QVERIFY(!m_repos.revParse(mirror, "refs/heads/feature").isEmpty());
        QCOMPARE(m_repos.revParse(mirror, "refs/tags/v1"), first);
        QCOMPARE(m_repos.gitIn(mirror, {"rev-parse", "--is-bare-repository"}), QString("true"));

        QString second;
        QVERIFY(
            m_repos.pushCommit("fetch.git", "main", {{"a.txt", "two\n"}}, {}, "second", &second));
        QVERIFY(m_repos.git().run(
            {"--git-dir=" + path("fetch.git"), "branch", "--quiet", "-D", "feature"}));

        const auto fetched =
            cache.ensure("repo-1", path("fetch.git").toStdString(), {}, CancelToken());

        QVERIFY2(fetched.ok(), fetched.ok() ? "" : fetched.error().message().c_str());
        QVERIFY(!fetched->cloned);
        QVERIFY(fetched->fetched);
        QVERIFY(fetched->warning.empty());
        QCOMPARE(m_repos.revParse(mirror, "refs/heads/main"), second);
        QVERIFY2(m_repos.revParse(mirror, "refs/heads/feature").isEmpty(),
                 "a branch deleted on the remote is pruned");
    }

    // The URL (which may carry user info) is used for the call only.
    void mirrorRecordsNoUrl()
    {
        QVERIFY(m_repos.createRemote("nourl.git", {{"a.txt", "a\n"}}));
        MirrorCache cache(path("mirrors-nourl").toStdString());
        const auto status = cache.ensure("repo-nourl", path("nourl.git").toStdString(),
                                         tokenCredential(), CancelToken());
        QVERIFY(status.ok());
        QVERIFY(cache
                    .ensure("repo-nourl", path("nourl.git").toStdString(), tokenCredential(),
                            CancelToken())
                    .ok());

        const QString mirror = QString::fromStdString(status->path);
        const QByteArray config = TestRepos::readFile(mirror + "/config");
        QVERIFY(!config.isEmpty());
        QVERIFY2(!config.contains("[remote"), config.constData());
        QVERIFY2(!config.contains("nourl.git"), config.constData());
        QVERIFY(!QFile::exists(mirror + "/FETCH_HEAD"));
        QVERIFY(TestRepos::filesContaining(mirror, "nourl.git").isEmpty());
        QVERIFY(TestRepos::filesContaining(mirror, kCanary).isEmpty());
    }

    void unreachableRemoteWithWarmMirrorWarns()
    {
        QString sha;
        QVERIFY(m_repos.createRemote("warm.git", {{"a.txt", "a\n"}}, &sha));
        MirrorCache cache(path("mirrors-warm").toStdString());
        QVERIFY(cache.ensure("warm", path("warm.git").toStdString(), {}, CancelToken()).ok());
        QVERIFY(QDir().rename(path("warm.git"), path("warm-moved.git")));

        const auto status = cache.ensure("warm", path("warm.git").toStdString(), {}, CancelToken());

        QVERIFY2(status.ok(), status.ok() ? "" : status.error().message().c_str());
        QVERIFY(!status->cloned);
        QVERIFY(!status->fetched);
        QVERIFY2(status->warning.find("could not update the mirror") != std::string::npos,
                 status->warning.c_str());
        QVERIFY2(status->warning.find("last fetched at 20") != std::string::npos,
                 status->warning.c_str());
        QCOMPARE(m_repos.revParse(QString::fromStdString(status->path), "refs/heads/main"), sha);
    }

    void unreachableRemoteWithoutMirrorFails_data()
    {
        QTest::addColumn<bool>("http");
        QTest::addRow("missing path") << false;
        QTest::addRow("refused port") << true;
    }
    void unreachableRemoteWithoutMirrorFails()
    {
        QFETCH(bool, http);
        std::string url = path("does-not-exist.git").toStdString();
        if (http) {
            FakeHttpServer closed([](const std::string&) { return std::string(); });
            QVERIFY(closed.start());
            url = "http://127.0.0.1:" + std::to_string(closed.port()) + "/r.git";
        } // the port is free again: connecting is refused
        const QString root = path(http ? "mirrors-cold-http" : "mirrors-cold-path");
        MirrorCache cache(root.toStdString());

        const auto status = cache.ensure("cold", url, tokenCredential(), CancelToken());

        QVERIFY(!status.ok());
        QCOMPARE(status.error().code(), StatusCode::Unavailable);
        QVERIFY2(status.error().message().find(kCanary) == std::string::npos,
                 status.error().message().c_str());
        QVERIFY2(entries(root).isEmpty(), qPrintable(entries(root).join(", ")));
    }

    void authenticationFailureIsPermissionDenied()
    {
        FakeHttpServer server([](const std::string&) {
            return FakeHttpServer::response("401 Unauthorized",
                                            "WWW-Authenticate: Basic realm=\"x\"\r\n");
        });
        QVERIFY(server.start());
        const std::string url = "http://127.0.0.1:" + std::to_string(server.port()) + "/r.git";
        MirrorCache cache(path("mirrors-auth").toStdString());

        const auto status = cache.ensure("auth", url, tokenCredential(), CancelToken());

        QVERIFY(!status.ok());
        QCOMPARE(status.error().code(), StatusCode::PermissionDenied);
        QVERIFY2(status.error().message().find("authentication failed") != std::string::npos,
                 status.error().message().c_str());
        QVERIFY(status.error().message().find(kCanary) == std::string::npos);
        QVERIFY(entries(path("mirrors-auth")).isEmpty());
    }

    void rejectsUnsafeRepositoryId_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addRow("empty") << "";
        QTest::addRow("parent") << "..";
        QTest::addRow("hidden") << ".hidden";
        QTest::addRow("slash") << "a/b";
        QTest::addRow("space") << "a b";
        QTest::addRow("too long") << QString(129, 'x');
    }
    void rejectsUnsafeRepositoryId()
    {
        QFETCH(QString, id);
        MirrorCache cache(path("mirrors-ids").toStdString());
        const auto status = cache.ensure(id.toStdString(), "/nowhere", {}, CancelToken());
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code(), StatusCode::InvalidArgument);
        QCOMPARE(status.error().violations().size(), std::size_t(1));
        QCOMPARE(status.error().violations().front().fieldPath, std::string("repository_id"));
    }

    void cancelDuringCloneReturnsCancelled()
    {
        QVERIFY(m_repos.createRemote("cancel.git", manyFiles(300)));
        const QString root = path("mirrors-cancel");
        MirrorCache cache(root.toStdString());
        CancelToken token;
        int reports = 0;

        const auto status = cache.ensure("cancel", path("cancel.git").toStdString(), {}, token,
                                         [&](const TransferProgress& progress) {
                                             ++reports;
                                             QVERIFY(progress.totalObjects > 0);
                                             token.cancel();
                                         });

        QVERIFY(!status.ok());
        QCOMPARE(status.error().code(), StatusCode::Cancelled);
        QCOMPARE(reports, 1);
        QVERIFY2(entries(root).isEmpty(), qPrintable(entries(root).join(", ")));

        // The next call starts over and succeeds.
        const auto retried =
            cache.ensure("cancel", path("cancel.git").toStdString(), {}, CancelToken());
        QVERIFY(retried.ok());
        QVERIFY(retried->cloned);
    }

    void deadlineReasonIsKept()
    {
        QVERIFY(m_repos.createRemote("deadline.git", {{"a.txt", "a\n"}}));
        MirrorCache cache(path("mirrors-deadline").toStdString());
        CancelToken token;
        token.cancel({StatusCode::DeadlineExceeded, "stage deadline exceeded"});

        const auto status = cache.ensure("deadline", path("deadline.git").toStdString(), {}, token);

        QVERIFY(!status.ok());
        QCOMPARE(status.error().code(), StatusCode::DeadlineExceeded);
        QVERIFY(!QFile::exists(QString::fromStdString(cache.mirrorPath("deadline"))));
    }

    void concurrentEnsureOfOneRepositoryClonesOnce()
    {
        QVERIFY(m_repos.createRemote("shared.git", manyFiles(50)));
        MirrorCache cache(path("mirrors-shared").toStdString(), 2);
        std::atomic<int> ok{0};
        std::atomic<int> cloned{0};
        std::vector<std::thread> threads;
        for (int i = 0; i < 4; ++i) {
            threads.emplace_back([&] {
                const auto status =
                    cache.ensure("shared", path("shared.git").toStdString(), {}, CancelToken());
                if (status.ok()) {
                    ++ok;
                    cloned += status->cloned ? 1 : 0;
                }
            });
        }
        for (auto& thread : threads) {
            thread.join();
        }
        QCOMPARE(ok.load(), 4);
        QCOMPARE(cloned.load(), 1);
    }

    void brokenMirrorIsReplaced()
    {
        QString sha;
        QVERIFY(m_repos.createRemote("broken.git", {{"a.txt", "a\n"}}, &sha));
        MirrorCache cache(path("mirrors-broken").toStdString());
        const QString mirror = QString::fromStdString(cache.mirrorPath("broken"));
        QVERIFY(TestRepos::writeFile(mirror + "/junk", "not a repository"));

        const auto status =
            cache.ensure("broken", path("broken.git").toStdString(), {}, CancelToken());

        QVERIFY2(status.ok(), status.ok() ? "" : status.error().message().c_str());
        QVERIFY(status->cloned);
        QVERIFY(!QFile::exists(mirror + "/junk"));
        QCOMPARE(m_repos.revParse(mirror, "refs/heads/main"), sha);
    }
};

QTEST_GUILESS_MAIN(TestMirrorCache)
#include "test_mirror_cache.moc"
