// RemoteProbe against real repositories on disk (plain paths and file:// URLs).
#include "GitCli.h"
#include "git/RemoteProbe.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <algorithm>
#include <thread>
#include <vector>

using builder::common::StatusCode;
using builder::git::GitCredential;
using builder::git::ProbeOptions;
using builder::git::RemoteInfo;
using builder::git::RemoteProbe;
using builder::git::RemoteRef;

namespace {

constexpr const char* kCanary = "CANARY-s3cr3t-7f1e9b";

std::string fileUrl(const QString& path)
{
    return QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded).toStdString();
}

bool hasRef(const RemoteInfo& info, const QString& name, const QString& oid)
{
    const RemoteRef wanted{name.toStdString(), oid.toStdString()};
    return std::find(info.refs.begin(), info.refs.end(), wanted) != info.refs.end();
}

GitCredential credentialOf(GitCredential::Kind kind)
{
    GitCredential cred;
    cred.kind = kind;
    cred.username = "alice";
    cred.secret = kCanary;
    cred.sshPrivateKey = std::string("-----BEGIN OPENSSH PRIVATE KEY-----\n") + kCanary +
                         "\n-----END OPENSSH PRIVATE KEY-----\n";
    cred.sshPassphrase = std::string(kCanary) + "-passphrase";
    return cred;
}

} // namespace

class TestRemoteProbe : public QObject
{
    Q_OBJECT

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }
    // A bare repository with HEAD -> head and one commit on it; its oid goes to oid.
    bool makeRepo(const QString& name, const QString& head, QString* oid) const
    {
        return m_git.initBare(path(name), head) && m_git.commitOnBranch(path(name), head, oid);
    }

    QTemporaryDir m_dir;
    GitCli m_git{m_dir.filePath("home")};

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(m_dir.filePath("home")));
    }

    void defaultBranchFollowsHead_data()
    {
        QTest::addColumn<QString>("head");
        QTest::addColumn<bool>("viaFileUrl");
        QTest::addRow("main, plain path") << "main" << false;
        QTest::addRow("trunk, plain path") << "trunk" << false;
        QTest::addRow("main, file url") << "main" << true;
        QTest::addRow("trunk, file url") << "trunk" << true;
        QTest::addRow("slash in name, plain path") << "release/1.x" << false;
    }
    void defaultBranchFollowsHead()
    {
        QFETCH(QString, head);
        QFETCH(bool, viaFileUrl);
        const QString name = "head-" + QString(QTest::currentDataTag()).replace(' ', '_') + ".git";
        QString oid;
        QVERIFY(makeRepo(name, head, &oid));

        const std::string url = viaFileUrl ? fileUrl(path(name)) : path(name).toStdString();
        const auto result = RemoteProbe::probe(url, {});

        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message().c_str());
        QCOMPARE(QString::fromStdString(result->defaultBranch), head);
        QVERIFY(hasRef(*result, "refs/heads/" + head, oid));
        QVERIFY(result->canRead);
        QVERIFY(result->canWrite);
        QVERIFY(result->writeDeniedReason.empty());
    }

    void listsBranchesAndTagsWithoutHead()
    {
        const QString repo = path("refs.git");
        QString mainOid, featureOid, tagOid;
        QVERIFY(makeRepo("refs.git", "main", &mainOid));
        QVERIFY(m_git.commitOnBranch(repo, "feature", &featureOid));
        QVERIFY(m_git.run({"--git-dir=" + repo, "tag", "v1", mainOid}));
        QVERIFY(m_git.run({"--git-dir=" + repo, "tag", "-a", "v2", "-m", "annotated", mainOid}));
        QVERIFY(m_git.run({"--git-dir=" + repo, "rev-parse", "refs/tags/v2"}, &tagOid));

        const auto result = RemoteProbe::probe(repo.toStdString(), {});

        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message().c_str());
        std::vector<RemoteRef> refs = result->refs;
        std::sort(refs.begin(), refs.end(),
                  [](const auto& a, const auto& b) { return a.name < b.name; });
        const std::vector<RemoteRef> expected{
            {"refs/heads/feature", featureOid.toStdString()},
            {"refs/heads/main", mainOid.toStdString()},
            {"refs/tags/v1", mainOid.toStdString()},
            {"refs/tags/v2", tagOid.toStdString()},
        };
        QVERIFY(refs == expected);
        QCOMPARE(QString::fromStdString(result->defaultBranch), QString("main"));
    }

    // libgit2 does not advertise an unresolvable HEAD, and git_remote_default_branch
    // reports GIT_ENOTFOUND without it: the probe succeeds with an empty branch.
    void emptyRepositoryHasNoDefaultBranch()
    {
        QVERIFY(m_git.initBare(path("empty.git"), "main"));

        const auto result = RemoteProbe::probe(path("empty.git").toStdString(), {});

        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message().c_str());
        QVERIFY(result->defaultBranch.empty());
        QVERIFY(result->refs.empty());
        QVERIFY(result->canRead);
        QVERIFY(result->canWrite);
    }

    void unbornHeadWithOtherBranchesHasNoDefaultBranch()
    {
        QString trunkOid;
        QVERIFY(m_git.initBare(path("unborn.git"), "main"));
        QVERIFY(m_git.commitOnBranch(path("unborn.git"), "trunk", &trunkOid));

        const auto result = RemoteProbe::probe(path("unborn.git").toStdString(), {});

        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message().c_str());
        QVERIFY(result->defaultBranch.empty());
        QCOMPARE(result->refs.size(), std::size_t(1));
        QVERIFY(hasRef(*result, "refs/heads/trunk", trunkOid));
    }

    // A detached HEAD has no symref; the probe guesses the branch at the same
    // commit as git clone does: main, then master, else the first advertised.
    void detachedHeadGuessesBranch_data()
    {
        QTest::addColumn<QStringList>("branchesAtHead");
        QTest::addColumn<QString>("expected");
        QTest::addRow("first in ref order") << QStringList{"zeta", "trunk"} << "trunk";
        QTest::addRow("main preferred") << QStringList{"alpha", "master", "main"} << "main";
        QTest::addRow("master preferred") << QStringList{"alpha", "master"} << "master";
        QTest::addRow("no branch at head") << QStringList{} << "";
    }
    void detachedHeadGuessesBranch()
    {
        QFETCH(QStringList, branchesAtHead);
        QFETCH(QString, expected);
        const QString repo = path("detached-" + QString(QTest::currentDataTag()).replace(' ', '_'));
        QString otherOid;
        QVERIFY(m_git.initBare(repo, "unused"));
        QVERIFY(m_git.commitOnBranch(repo, "elsewhere", &otherOid));
        QString headOid;
        QVERIFY(m_git.commitOnBranch(repo, "head-commit", &headOid));
        QVERIFY(m_git.run({"--git-dir=" + repo, "update-ref", "-d", "refs/heads/head-commit"}));
        for (const QString& branch : branchesAtHead) {
            QVERIFY(
                m_git.run({"--git-dir=" + repo, "update-ref", "refs/heads/" + branch, headOid}));
        }
        QVERIFY(m_git.run({"--git-dir=" + repo, "update-ref", "--no-deref", "HEAD", headOid}));

        const auto result = RemoteProbe::probe(repo.toStdString(), {});

        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message().c_str());
        QCOMPARE(QString::fromStdString(result->defaultBranch), expected);
        QCOMPARE(result->refs.size(), std::size_t(branchesAtHead.size() + 1));
    }

    void nonBareRepositoryCanBeProbed()
    {
        const QString work = path("work");
        QVERIFY(m_git.run({"init", "--quiet", "--initial-branch=develop", work}));
        QVERIFY(m_git.run({"-C", work, "commit", "--quiet", "--allow-empty", "-m", "first"}));
        QString oid;
        QVERIFY(m_git.run({"-C", work, "rev-parse", "HEAD"}, &oid));

        const auto result = RemoteProbe::probe(work.toStdString(), {});

        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message().c_str());
        QCOMPARE(QString::fromStdString(result->defaultBranch), QString("develop"));
        QVERIFY(hasRef(*result, "refs/heads/develop", oid));
        QVERIFY(result->canWrite);
    }

    void missingPathIsNotFound_data()
    {
        QTest::addColumn<bool>("viaFileUrl");
        QTest::addRow("plain path") << false;
        QTest::addRow("file url") << true;
    }
    void missingPathIsNotFound()
    {
        QFETCH(bool, viaFileUrl);
        const QString missing = path("no/such/repo.git");
        const std::string url = viaFileUrl ? fileUrl(missing) : missing.toStdString();

        const auto result = RemoteProbe::probe(url, {});

        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), StatusCode::NotFound);
        QVERIFY2(result.error().message().find(missing.toStdString()) != std::string::npos,
                 result.error().message().c_str());
    }

    void nonRepositoryIsUnavailable_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addRow("empty directory") << "plain-dir";
        QTest::addRow("regular file") << "plain-file.txt";
        QTest::addRow("folder inside a repository") << "host.git/refs";
    }
    void nonRepositoryIsUnavailable()
    {
        QFETCH(QString, target);
        QVERIFY(QDir().mkpath(path("plain-dir")));
        QFile file(path("plain-file.txt"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QString oid;
        if (!QDir(path("host.git")).exists()) {
            QVERIFY(makeRepo("host.git", "main", &oid));
        }

        const auto result = RemoteProbe::probe(path(target).toStdString(), {});

        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), StatusCode::Unavailable);
        QVERIFY2(result.error().message().find(path(target).toStdString()) != std::string::npos,
                 result.error().message().c_str());
    }

    void credentialsDoNotBreakLocalAccess_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addRow("none") << int(GitCredential::Kind::None);
        QTest::addRow("token") << int(GitCredential::Kind::Token);
        QTest::addRow("basic") << int(GitCredential::Kind::Basic);
        QTest::addRow("oauth") << int(GitCredential::Kind::OAuth);
        QTest::addRow("ssh key") << int(GitCredential::Kind::SshKey);
    }
    void credentialsDoNotBreakLocalAccess()
    {
        QFETCH(int, kind);
        QString oid;
        if (!QDir(path("creds.git")).exists()) {
            QVERIFY(makeRepo("creds.git", "main", &oid));
        }

        const auto result = RemoteProbe::probe(path("creds.git").toStdString(),
                                               credentialOf(GitCredential::Kind(kind)));

        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message().c_str());
        QCOMPARE(QString::fromStdString(result->defaultBranch), QString("main"));
        QVERIFY(result->canRead);
        QVERIFY(result->canWrite);
    }

    void skipsWriteCheckWhenAsked()
    {
        QString oid;
        QVERIFY(makeRepo("readonly-check.git", "main", &oid));
        ProbeOptions options;
        options.checkWrite = false;

        const auto result =
            RemoteProbe::probe(path("readonly-check.git").toStdString(), {}, options);

        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message().c_str());
        QVERIFY(result->canRead);
        QVERIFY(!result->canWrite);
        QVERIFY(result->writeDeniedReason.empty());
    }

    void invalidUrlIsInvalidArgument_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addRow("empty") << "";
        QTest::addRow("unsupported scheme") << "gopher://host/r.git";
        QTest::addRow("ftp") << "ftp://host/r.git";
    }
    void invalidUrlIsInvalidArgument()
    {
        QFETCH(QString, url);

        const auto result = RemoteProbe::probe(url.toStdString(), {});

        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), StatusCode::InvalidArgument);
    }

    void secretsNeverAppearInErrors_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("kind");
        const QString missing = path("missing.git");
        const QString canary = kCanary;
        const QList<QPair<QString, GitCredential::Kind>> kinds{
            {"token", GitCredential::Kind::Token},
            {"basic", GitCredential::Kind::Basic},
            {"oauth", GitCredential::Kind::OAuth},
            {"ssh key", GitCredential::Kind::SshKey},
        };
        const QList<QPair<QString, QString>> urls{
            {"missing path", missing},
            {"missing file url", QString::fromStdString(fileUrl(missing))},
            {"not a repository", path("home")},
            {"closed https port, password in url",
             "https://alice:" + canary + "@127.0.0.1:1/r.git"},
            {"closed http port, token as user", "http://" + canary + "@127.0.0.1:1/r.git"},
            {"closed ssh port", "ssh://git@127.0.0.1:1/r.git"},
            {"unsupported scheme", "gopher://" + canary + "@127.0.0.1/r.git"},
        };
        for (const auto& [urlName, url] : urls) {
            for (const auto& [kindName, kind] : kinds) {
                QTest::addRow("%s, %s", qPrintable(urlName), qPrintable(kindName))
                    << url << int(kind);
            }
        }
    }
    void secretsNeverAppearInErrors()
    {
        QFETCH(QString, url);
        QFETCH(int, kind);

        const auto result =
            RemoteProbe::probe(url.toStdString(), credentialOf(GitCredential::Kind(kind)));

        QVERIFY(!result.ok());
        const std::string& message = result.error().message();
        QVERIFY(!message.empty());
        QVERIFY2(message.find(kCanary) == std::string::npos, message.c_str());
    }

    // Each probe owns its handles; libgit2 initialisation is shared and done once.
    void concurrentProbesAgree()
    {
        QString oid;
        QVERIFY(makeRepo("shared.git", "main", &oid));
        const std::string url = path("shared.git").toStdString();
        constexpr int kThreads = 8;
        std::vector<std::string> branches(kThreads);
        std::vector<std::thread> threads;
        for (int i = 0; i < kThreads; ++i) {
            threads.emplace_back([&, i] {
                const auto result = RemoteProbe::probe(url, {});
                branches[i] = result.ok() ? result->defaultBranch : result.error().message();
            });
        }
        for (auto& thread : threads) {
            thread.join();
        }
        for (const std::string& branch : branches) {
            QCOMPARE(QString::fromStdString(branch), QString("main"));
        }
    }
};

QTEST_GUILESS_MAIN(TestRemoteProbe)
#include "test_remote_probe.moc"
