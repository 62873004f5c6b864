// The libgit2-free helpers of builder_git: URL classification and redaction,
// secret scrubbing, and the one-time libgit2 initialisation.
#include "git/GitRuntime.h"
#include "git/RemoteUrl.h"
#include "git/SecretScrubber.h"

#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using builder::git::GitCredential;
using builder::git::GitRuntime;
using builder::git::RemoteUrl;
using builder::git::SecretScrubber;

class TestGitSupport : public QObject
{
    Q_OBJECT

private slots:
    void classifiesUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("local");
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("supported");
        QTest::addRow("absolute path") << "/srv/git/repo.git" << true << "" << true;
        QTest::addRow("relative path") << "../repo.git" << true << "" << true;
        QTest::addRow("bare name") << "repo.git" << true << "" << true;
        QTest::addRow("colon after slash") << "./a:b/repo.git" << true << "" << true;
        QTest::addRow("file url") << "file:///srv/repo.git" << true << "" << true;
        QTest::addRow("https") << "https://GitHub.com/o/r.git" << false << "github.com" << true;
        QTest::addRow("https with user and port")
            << "https://u:p@host.example:8443/r" << false << "host.example" << true;
        QTest::addRow("ssh url") << "ssh://git@host.example:2222/r.git" << false << "host.example"
                                 << true;
        QTest::addRow("scp-like") << "git@github.com:o/r.git" << false << "github.com" << true;
        QTest::addRow("scp-like without user") << "host:r.git" << false << "host" << true;
        QTest::addRow("git protocol") << "git://host/r.git" << false << "host" << true;
        QTest::addRow("git+ssh") << "git+ssh://git@host/r.git" << false << "host" << true;
        QTest::addRow("ftp") << "ftp://host/r.git" << false << "host" << false;
        QTest::addRow("ipv6") << "http://[::1]:8080/r.git" << false << "[::1]" << true;
    }
    void classifiesUrls()
    {
        QFETCH(QString, url);
        QFETCH(bool, local);
        QFETCH(QString, host);
        QFETCH(bool, supported);
        QCOMPARE(RemoteUrl::hasSupportedScheme(url.toStdString()), supported);
        QCOMPARE(RemoteUrl::isLocal(url.toStdString()), local);
        QCOMPARE(QString::fromStdString(RemoteUrl::host(url.toStdString())), host);
    }

    void decodesLocalPaths_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("path");
        QTest::addRow("plain path") << "/srv/repo.git"
                                    << "/srv/repo.git";
        QTest::addRow("file url") << "file:///srv/repo.git"
                                  << "/srv/repo.git";
        QTest::addRow("file url, localhost") << "file://localhost/srv/repo.git"
                                             << "/srv/repo.git";
        QTest::addRow("percent-encoded") << "file:///srv/my%20repo.git"
                                         << "/srv/my repo.git";
        QTest::addRow("broken escape kept") << "file:///srv/a%2"
                                            << "/srv/a%2";
    }
    void decodesLocalPaths()
    {
        QFETCH(QString, url);
        QFETCH(QString, path);
        QCOMPARE(QString::fromStdString(RemoteUrl::localPath(url.toStdString())), path);
    }

    void redactsUserInfo_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("redacted");
        QTest::addRow("no user info") << "https://host/r.git"
                                      << "https://host/r.git";
        QTest::addRow("https password") << "https://alice:pw@host/r.git"
                                        << "https://***@host/r.git";
        QTest::addRow("https token as user") << "https://tok@host/r.git"
                                             << "https://***@host/r.git";
        QTest::addRow("ssh user kept") << "ssh://git@host/r.git"
                                       << "ssh://git@host/r.git";
        QTest::addRow("ssh password") << "ssh://git:pw@host/r.git"
                                      << "ssh://git:***@host/r.git";
        QTest::addRow("other scheme") << "gopher://tok@host/r"
                                      << "gopher://***@host/r";
        QTest::addRow("at sign in path only") << "https://host/a@b.git"
                                              << "https://host/a@b.git";
        QTest::addRow("scp-like untouched") << "git@host:r.git"
                                            << "git@host:r.git";
        QTest::addRow("local path untouched") << "/srv/a@b"
                                              << "/srv/a@b";
    }
    void redactsUserInfo()
    {
        QFETCH(QString, url);
        QFETCH(QString, redacted);
        QCOMPARE(QString::fromStdString(RemoteUrl::redacted(url.toStdString())), redacted);
    }

    void scrubberMasksEverySecret()
    {
        GitCredential cred;
        cred.kind = GitCredential::Kind::SshKey;
        cred.secret = "tok-123";
        cred.sshPrivateKey = "KEY-abc";
        cred.sshPassphrase = "pass-xyz";
        const std::string url = "https://bob:urlpw@host/r.git";
        const SecretScrubber scrubber(url, cred);

        const std::string text =
            scrubber.scrub("failed " + url + " tok-123 KEY-abc pass-xyz urlpw");

        QCOMPARE(QString::fromStdString(text),
                 QString("failed https://***@host/r.git *** *** *** ***"));
    }

    void scrubberMasksOverlappingSecretsWhole()
    {
        GitCredential cred;
        cred.secret = "abc";
        cred.sshPassphrase = "abcdef";
        const SecretScrubber scrubber("/srv/r.git", cred);

        QCOMPARE(QString::fromStdString(scrubber.scrub("x abcdef y abc")), QString("x *** y ***"));
    }

    void scrubberLeavesTextWithoutSecrets()
    {
        const SecretScrubber scrubber("/srv/r.git", GitCredential{});

        QCOMPARE(QString::fromStdString(scrubber.scrub("cannot open /srv/r.git")),
                 QString("cannot open /srv/r.git"));
    }

    void runtimeInitialisesOnceFromManyThreads()
    {
        constexpr int kThreads = 16;
        std::atomic<int> ok{0};
        std::vector<std::thread> threads;
        for (int i = 0; i < kThreads; ++i) {
            threads.emplace_back([&] {
                if (GitRuntime::ensureInitialized().ok()) {
                    ++ok;
                }
            });
        }
        for (auto& thread : threads) {
            thread.join();
        }
        QCOMPARE(ok.load(), kThreads);
        QVERIFY(GitRuntime::ensureInitialized().ok());
    }
};

QTEST_GUILESS_MAIN(TestGitSupport)
#include "test_git_support.moc"
