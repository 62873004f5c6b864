// CredentialProvider driven the way libgit2 drives it: through the installed
// callback, with the credential types each transport asks for. Covers the ssh
// paths that need no ssh server.
#include "git/CredentialProvider.h"
#include "git/GitRuntime.h"

#include <git2/sys/credential.h>

#include <QTest>

#include <string>

using builder::git::CredentialProvider;
using builder::git::GitCredential;
using builder::git::GitRuntime;

namespace {

constexpr unsigned int kHttpTypes = GIT_CREDENTIAL_USERPASS_PLAINTEXT | GIT_CREDENTIAL_DEFAULT;
constexpr unsigned int kSshTypes =
    GIT_CREDENTIAL_SSH_KEY | GIT_CREDENTIAL_SSH_CUSTOM | GIT_CREDENTIAL_SSH_MEMORY;
constexpr const char* kKey = "-----BEGIN OPENSSH PRIVATE KEY-----\nnot-a-real-key\n";

// One credential callback invocation and what it produced.
struct Answer
{
    int rc = 0;
    git_credential_t type = git_credential_t(0);
    std::string username;
};

Answer ask(git_remote_callbacks& callbacks, const char* url, const char* userFromUrl,
           unsigned int types)
{
    git_credential* cred = nullptr;
    Answer answer;
    answer.rc = callbacks.credentials(&cred, url, userFromUrl, types, callbacks.payload);
    if (cred != nullptr) {
        answer.type = cred->credtype;
        if (const char* user = git_credential_get_username(cred)) {
            answer.username = user;
        }
        git_credential_free(cred);
    }
    return answer;
}

GitCredential sshKey(const std::string& username = {})
{
    GitCredential cred;
    cred.kind = GitCredential::Kind::SshKey;
    cred.username = username;
    cred.sshPrivateKey = kKey;
    return cred;
}

} // namespace

class TestCredentialProvider : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(GitRuntime::ensureInitialized().ok()); }

    void sshAnswersUsernameThenMemoryKey_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("userFromUrl");
        QTest::addColumn<QString>("configuredUser");
        QTest::addColumn<QString>("expectedUser");
        QTest::addRow("default user") << "ssh://host/r.git"
                                      << ""
                                      << ""
                                      << "git";
        QTest::addRow("configured user") << "ssh://host/r.git"
                                         << ""
                                         << "deploy"
                                         << "deploy";
        QTest::addRow("user in url wins") << "git@host:r.git"
                                          << "git"
                                          << "deploy"
                                          << "git";
    }
    void sshAnswersUsernameThenMemoryKey()
    {
        QFETCH(QString, url);
        QFETCH(QString, userFromUrl);
        QFETCH(QString, configuredUser);
        QFETCH(QString, expectedUser);
        const GitCredential cred = sshKey(configuredUser.toStdString());
        CredentialProvider provider(cred, url.toStdString());
        git_remote_callbacks callbacks = GIT_REMOTE_CALLBACKS_INIT;
        provider.install(callbacks);
        const std::string urlText = url.toStdString();
        const std::string fromUrl = userFromUrl.toStdString();
        const char* user = fromUrl.empty() ? nullptr : fromUrl.c_str();

        const Answer name = ask(callbacks, urlText.c_str(), user, GIT_CREDENTIAL_USERNAME);
        const Answer key = ask(callbacks, urlText.c_str(), user, kSshTypes);

        QCOMPARE(name.rc, 0);
        QCOMPARE(name.type, GIT_CREDENTIAL_USERNAME);
        QCOMPARE(QString::fromStdString(name.username), expectedUser);
        QCOMPARE(key.rc, 0);
        QCOMPARE(key.type, GIT_CREDENTIAL_SSH_MEMORY);
        QCOMPARE(QString::fromStdString(key.username), expectedUser);
        QVERIFY(!provider.authenticationFailed());
    }

    void sameTypesTwiceIsAuthenticationFailure()
    {
        const GitCredential cred = sshKey();
        CredentialProvider provider(cred, "ssh://host/r.git");
        git_remote_callbacks callbacks = GIT_REMOTE_CALLBACKS_INIT;
        provider.install(callbacks);

        QCOMPARE(ask(callbacks, "ssh://host/r.git", nullptr, kSshTypes).rc, 0);
        const Answer again = ask(callbacks, "ssh://host/r.git", nullptr, kSshTypes);

        QCOMPARE(again.rc, int(GIT_EAUTH));
        QVERIFY(provider.authenticationFailed());
        QVERIFY(!provider.failureReason().empty());
        // Once refused, it stays refused.
        QCOMPARE(ask(callbacks, "ssh://host/r.git", nullptr, GIT_CREDENTIAL_USERNAME).rc,
                 int(GIT_EAUTH));
    }

    void keyFileOnlyBuildIsRefused()
    {
        const GitCredential cred = sshKey();
        CredentialProvider provider(cred, "ssh://host/r.git");
        git_remote_callbacks callbacks = GIT_REMOTE_CALLBACKS_INIT;
        provider.install(callbacks);

        const Answer answer = ask(callbacks, "ssh://host/r.git", nullptr, GIT_CREDENTIAL_SSH_KEY);

        QCOMPARE(answer.rc, int(GIT_EAUTH));
        QVERIFY(provider.authenticationFailed());
        QVERIFY2(provider.failureReason().find("memory") != std::string::npos,
                 provider.failureReason().c_str());
    }

    void mismatchedKindsAreRefused_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<uint>("types");
        QTest::addRow("token asked for ssh") << int(GitCredential::Kind::Token) << uint(kSshTypes);
        QTest::addRow("ssh key asked for password")
            << int(GitCredential::Kind::SshKey) << uint(kHttpTypes);
        QTest::addRow("no credential") << int(GitCredential::Kind::None) << uint(kHttpTypes);
    }
    void mismatchedKindsAreRefused()
    {
        QFETCH(int, kind);
        QFETCH(uint, types);
        GitCredential cred = sshKey();
        cred.kind = GitCredential::Kind(kind);
        cred.secret = "tok";
        CredentialProvider provider(cred, "https://host/r.git");
        git_remote_callbacks callbacks = GIT_REMOTE_CALLBACKS_INIT;
        provider.install(callbacks);

        const Answer answer = ask(callbacks, "https://host/r.git", nullptr, types);

        QCOMPARE(answer.rc, int(GIT_EAUTH));
        QVERIFY(provider.authenticationFailed());
    }

    void otherHostGetsNothing()
    {
        GitCredential cred;
        cred.kind = GitCredential::Kind::Token;
        cred.secret = "tok";
        CredentialProvider provider(cred, "https://git.example/r.git");
        git_remote_callbacks callbacks = GIT_REMOTE_CALLBACKS_INIT;
        provider.install(callbacks);

        const Answer answer = ask(callbacks, "https://evil.example/r.git", nullptr, kHttpTypes);

        QCOMPARE(answer.rc, int(GIT_EAUTH));
        QCOMPARE(answer.type, git_credential_t(0));
        QVERIFY(provider.authenticationFailed());
    }
};

QTEST_GUILESS_MAIN(TestCredentialProvider)
#include "test_credential_provider.moc"
