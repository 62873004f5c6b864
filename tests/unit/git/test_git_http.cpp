// The whole delivery path over smart HTTP with the real `git http-backend` behind
// a loopback server that demands a token: mirror clone and fetch, workspace,
// commit, push, a hook's refusal, and no credential in any file on disk.
#include "FakeHttpServer.h"
#include "GitHttpBackend.h"
#include "TestRepos.h"
#include "git/MirrorCache.h"
#include "git/Pusher.h"
#include "git/Workspace.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using builder::common::CancelToken;
using builder::common::StatusCode;
using builder::git::GitCredential;
using builder::git::MirrorCache;
using builder::git::Pusher;
using builder::git::Signature;
using builder::git::Workspace;

namespace {

constexpr const char* kCanary = "CANARY-http-t0k3n-91d4c7";
constexpr const char* kTokenUser = "x-access-token";
const Signature kBot{"Builder Bot", "bot@builder.invalid"};

std::string basicAuth(const std::string& user, const std::string& password)
{
    return "Basic " + QByteArray::fromStdString(user + ":" + password).toBase64().toStdString();
}

GitCredential token(const std::string& secret = kCanary)
{
    GitCredential cred;
    cred.kind = GitCredential::Kind::Token;
    cred.secret = secret;
    return cred;
}

GitCredential sshKey()
{
    GitCredential cred;
    cred.kind = GitCredential::Kind::SshKey;
    cred.sshPrivateKey = std::string("-----BEGIN OPENSSH PRIVATE KEY-----\n") + kCanary +
                         "\n-----END OPENSSH PRIVATE KEY-----\n";
    cred.sshPassphrase = std::string(kCanary) + "-passphrase";
    return cred;
}

QString str(const std::string& text)
{
    return QString::fromStdString(text);
}

} // namespace

class TestGitHttp : public QObject
{
    Q_OBJECT

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }
    std::string url(const QString& repo) const
    {
        return "http://127.0.0.1:" + std::to_string(m_server->port()) + "/" + repo.toStdString();
    }
    // Every way the canary could have been written down.
    QStringList leaks(const QString& dir) const
    {
        QStringList hits;
        for (const QByteArray& needle :
             {QByteArray(kCanary), QByteArray::fromStdString(basicAuth(kTokenUser, kCanary)),
              QByteArray::fromStdString(basicAuth(kTokenUser, kCanary).substr(6))}) {
            hits << TestRepos::filesContaining(dir, needle);
        }
        return hits;
    }

    QTemporaryDir m_dir;
    TestRepos m_repos{m_dir.path()};
    std::unique_ptr<GitHttpBackend> m_backend;
    std::unique_ptr<FakeHttpServer> m_server;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("HOME", path("home").toUtf8());
        qunsetenv("XDG_CONFIG_HOME");
        QVERIFY(QDir().mkpath(path("served")));
        m_backend = std::make_unique<GitHttpBackend>(path("served"), path("home"),
                                                     basicAuth(kTokenUser, kCanary));
        m_server = std::make_unique<FakeHttpServer>(
            FakeHttpServer::BodyResponder([this](const std::string& head, const std::string& body) {
                return m_backend->handle(head, body);
            }));
        QVERIFY(m_server->start());
    }

    void cleanupTestCase() { m_server->stop(); }

    void tokenDeliveryLeavesNoSecretOnDisk()
    {
        QString base;
        QVERIFY(m_repos.createRemote("served/app.git", {{"README.md", "hello\n"}}, &base));
        MirrorCache cache(path("mirrors").toStdString());

        const auto cloned = cache.ensure("app", url("app.git"), token(), CancelToken());
        QVERIFY2(cloned.ok(), cloned.ok() ? "" : cloned.error().message().c_str());
        QVERIFY(cloned->cloned);
        QCOMPARE(m_repos.revParse(str(cloned->path), "refs/heads/main"), base);

        QString next;
        QVERIFY(m_repos.pushCommit("served/app.git", "main", {{"NEWS", "1\n"}}, {}, "news", &next));
        const auto fetched = cache.ensure("app", url("app.git"), token(), CancelToken());
        QVERIFY(fetched.ok());
        QVERIFY(fetched->fetched);
        QCOMPARE(m_repos.revParse(str(fetched->path), "refs/heads/main"), next);

        auto ws = Workspace::create(fetched->path, path("workspaces/exec-1").toStdString(),
                                    "builder/exec-1", "main");
        QVERIFY2(ws.ok(), ws.ok() ? "" : ws.error().message().c_str());
        TestRepos::writeFile(path("workspaces/exec-1/feature.txt"), "feature\n");
        const auto commit = ws->commitAll("feature", kBot);
        QVERIFY(commit.ok());

        const auto pushed = Pusher::push(ws->path(), url("app.git"), token(), commit->sha,
                                         "builder/exec-1", CancelToken());
        QVERIFY2(pushed.ok(), pushed.ok() ? "" : pushed.error().message().c_str());
        QVERIFY(pushed->pushed);
        QCOMPARE(m_repos.revParse(path("served/app.git"), "refs/heads/builder/exec-1"),
                 str(commit->sha));
        const auto again = Pusher::push(ws->path(), url("app.git"), token(), commit->sha,
                                        "builder/exec-1", CancelToken());
        QVERIFY(again.ok());
        QVERIFY(again->alreadyThere);

        // The server really demanded the token, and got it.
        int authorized = 0;
        for (const std::string& request : m_server->requests()) {
            authorized += request.find(basicAuth(kTokenUser, kCanary)) != std::string::npos;
        }
        QVERIFY(authorized >= 4);
        QCOMPARE(leaks(path("mirrors")), QStringList());
        QCOMPARE(leaks(path("workspaces")), QStringList());
        QVERIFY(!TestRepos::readFile(path("workspaces/exec-1/.git/config")).contains("http"));
        QVERIFY(!TestRepos::readFile(str(fetched->path) + "/config").contains("http"));
    }

    // A token in the URL's user info is used for the call and stored nowhere.
    void urlUserInfoLeavesNoSecretOnDisk()
    {
        QVERIFY(m_repos.createRemote("served/userinfo.git", {{"a.txt", "a\n"}}));
        const std::string withSecret = "http://" + std::string(kTokenUser) + ":" + kCanary +
                                       "@127.0.0.1:" + std::to_string(m_server->port()) +
                                       "/userinfo.git";
        MirrorCache cache(path("mirrors-userinfo").toStdString());

        const auto status = cache.ensure("userinfo", withSecret, {}, CancelToken());

        QVERIFY2(status.ok(), status.ok() ? "" : status.error().message().c_str());
        QVERIFY(cache.ensure("userinfo", withSecret, {}, CancelToken()).ok());
        QCOMPARE(leaks(path("mirrors-userinfo")), QStringList());
    }

    // No SSH server here: the key is offered to nobody, and must still not be
    // written anywhere by the mirror or the workspace.
    void sshKeyLeavesNoSecretOnDisk()
    {
        QVERIFY(m_repos.createRemote("ssh-local.git", {{"a.txt", "a\n"}}));
        MirrorCache cache(path("mirrors-ssh").toStdString());
        const auto status =
            cache.ensure("ssh", path("ssh-local.git").toStdString(), sshKey(), CancelToken());
        QVERIFY(status.ok());
        auto ws =
            Workspace::create(status->path, path("workspaces-ssh/e").toStdString(), "b", "main");
        QVERIFY(ws.ok());
        QCOMPARE(leaks(path("mirrors-ssh")), QStringList());
        QCOMPARE(leaks(path("workspaces-ssh")), QStringList());
    }

    void wrongTokenIsPermissionDenied()
    {
        QVERIFY(m_repos.createRemote("served/denied.git", {{"a.txt", "a\n"}}));
        MirrorCache cache(path("mirrors-denied").toStdString());

        const auto status =
            cache.ensure("denied", url("denied.git"), token("wrong-token"), CancelToken());

        QVERIFY(!status.ok());
        QCOMPARE(status.error().code(), StatusCode::PermissionDenied);
        QVERIFY(status.error().message().find("wrong-token") == std::string::npos);
    }

    void hookRefusalIsReported()
    {
        QString base;
        QVERIFY(m_repos.createRemote("served/guarded.git", {{"a.txt", "a\n"}}, &base));
        const QString hook = path("served/guarded.git/hooks/pre-receive");
        QVERIFY(TestRepos::writeFile(hook, "#!/bin/sh\necho 'branch is protected' >&2\nexit 1\n"));
        QVERIFY(
            QFile::setPermissions(hook, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        MirrorCache cache(path("mirrors-guarded").toStdString());
        const auto status = cache.ensure("guarded", url("guarded.git"), token(), CancelToken());
        QVERIFY(status.ok());
        auto ws = Workspace::create(status->path, path("workspaces-guarded/e").toStdString(),
                                    "builder/e", "main");
        QVERIFY(ws.ok());
        TestRepos::writeFile(path("workspaces-guarded/e/b.txt"), "b");
        const auto commit = ws->commitAll("b", kBot);
        QVERIFY(commit.ok());

        const auto pushed = Pusher::push(ws->path(), url("guarded.git"), token(), commit->sha,
                                         "builder/e", CancelToken());

        QVERIFY(!pushed.ok());
        QCOMPARE(pushed.error().code(), StatusCode::FailedPrecondition);
        QVERIFY2(
            str(pushed.error().message()).contains("rejected the update of refs/heads/builder/e"),
            pushed.error().message().c_str());
        QVERIFY2(str(pushed.error().message()).contains("branch is protected"),
                 pushed.error().message().c_str());
        QVERIFY(pushed.error().message().find(kCanary) == std::string::npos);
        QVERIFY(m_repos.revParse(path("served/guarded.git"), "refs/heads/builder/e").isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestGitHttp)
#include "test_git_http.moc"
