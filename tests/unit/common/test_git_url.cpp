#include "common/GitUrl.h"

#include <QTest>

#include <string>

using builder::common::GitUrl;
using Transport = GitUrl::Transport;
namespace rv1 = feature::repository::v1;

Q_DECLARE_METATYPE(GitUrl::Transport)
Q_DECLARE_METATYPE(rv1::GitProvider)

class TestGitUrl : public QObject
{
    Q_OBJECT

private slots:
    void accepted_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<Transport>("transport");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port"); // -1: none
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("scpLike");

        QTest::addRow("https") << "https://github.com/org/repo.git" << Transport::Https << ""
                               << "github.com" << -1 << "/org/repo.git" << false;
        QTest::addRow("https with port")
            << "https://git.example.com:8443/team/app" << Transport::Https << ""
            << "git.example.com" << 8443 << "/team/app" << false;
        QTest::addRow("https user name only")
            << "https://alice@bitbucket.org/team/app.git" << Transport::Https << "alice"
            << "bitbucket.org" << -1 << "/team/app.git" << false;
        QTest::addRow("HTTPS upper-case scheme")
            << "HTTPS://github.com/org/repo" << Transport::Https << ""
            << "github.com" << -1 << "/org/repo" << false;
        QTest::addRow("http") << "http://localhost:3000/repo.git" << Transport::Http << ""
                              << "localhost" << 3000 << "/repo.git" << false;
        QTest::addRow("ssh") << "ssh://git@example.com/srv/repo.git" << Transport::Ssh << "git"
                             << "example.com" << -1 << "/srv/repo.git" << false;
        QTest::addRow("ssh with port")
            << "ssh://git@example.com:2222/srv/repo.git" << Transport::Ssh << "git"
            << "example.com" << 2222 << "/srv/repo.git" << false;
        QTest::addRow("ssh without user") << "ssh://example.com/repo" << Transport::Ssh << ""
                                          << "example.com" << -1 << "/repo" << false;
        QTest::addRow("ssh IPv6") << "ssh://git@[::1]:22/repo" << Transport::Ssh << "git"
                                  << "::1" << 22 << "/repo" << false;
        QTest::addRow("git+ssh") << "git+ssh://git@example.com/repo" << Transport::Ssh << "git"
                                 << "example.com" << -1 << "/repo" << false;
        QTest::addRow("git protocol") << "git://example.org/project.git" << Transport::Git << ""
                                      << "example.org" << -1 << "/project.git" << false;
        QTest::addRow("scp-like") << "git@github.com:myorg/my-app.git" << Transport::Ssh << "git"
                                  << "github.com" << -1 << "myorg/my-app.git" << true;
        QTest::addRow("scp-like host without dot")
            << "buildserver:repos/app" << Transport::Ssh << ""
            << "buildserver" << -1 << "repos/app" << true;
        QTest::addRow("scp-like host with dot") << "git.example.com:app.git" << Transport::Ssh << ""
                                                << "git.example.com" << -1 << "app.git" << true;
        QTest::addRow("file") << "file:///srv/git/app.git" << Transport::File << ""
                              << "" << -1 << "/srv/git/app.git" << false;
        QTest::addRow("file localhost") << "file://localhost/srv/app" << Transport::File << ""
                                        << "" << -1 << "/srv/app" << false;
        QTest::addRow("absolute path") << "/home/me/src/app" << Transport::LocalPath << ""
                                       << "" << -1 << "/home/me/src/app" << false;
        QTest::addRow("dot relative") << "./app" << Transport::LocalPath << ""
                                      << "" << -1 << "./app" << false;
        QTest::addRow("dot-dot relative") << "../other/app" << Transport::LocalPath << ""
                                          << "" << -1 << "../other/app" << false;
    }

    void accepted()
    {
        QFETCH(QString, url);
        QFETCH(Transport, transport);
        QFETCH(QString, user);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, path);
        QFETCH(bool, scpLike);

        const auto parsed = GitUrl::parse(url.toStdString());
        QVERIFY2(parsed.has_value(), GitUrl::problem(url.toStdString()).c_str());
        QVERIFY(GitUrl::problem(url.toStdString()).empty());
        QCOMPARE(parsed->transport(), transport);
        QCOMPARE(QString::fromStdString(parsed->user()), user);
        QCOMPARE(QString::fromStdString(parsed->host()), host);
        QCOMPARE(parsed->port() ? int(*parsed->port()) : -1, port);
        QCOMPARE(QString::fromStdString(parsed->path()), path);
        QCOMPARE(parsed->isScpLike(), scpLike);
        QCOMPARE(QString::fromStdString(parsed->text()), url);

        const bool local = transport == Transport::File || transport == Transport::LocalPath;
        QCOMPARE(parsed->isRemote(), !local);
        QCOMPARE(QString::fromStdString(parsed->localPath()), local ? path : QString());
    }

    void rejected_data()
    {
        QTest::addColumn<QByteArray>("url");
        QTest::addColumn<QString>("problem"); // a fragment of the explanation
        QTest::addColumn<bool>("credentials");

        QTest::addRow("empty") << QByteArray("") << "empty" << false;
        QTest::addRow("space") << QByteArray("https://github.com/a b") << "whitespace" << false;
        QTest::addRow("leading space")
            << QByteArray(" https://github.com/a") << "whitespace" << false;
        QTest::addRow("newline") << QByteArray("https://github.com/a\n") << "control" << false;
        QTest::addRow("NUL") << QByteArray("https://github.com/a\0b", 22) << "control" << false;
        QTest::addRow("ftp") << QByteArray("ftp://example.com/repo.git") << "scheme 'ftp'" << false;
        QTest::addRow("javascript")
            << QByteArray("javascript:alert(1)") << "scheme 'javascript'" << false;
        QTest::addRow("data") << QByteArray("data:text/html,x") << "scheme 'data'" << false;
        QTest::addRow("https without //")
            << QByteArray("https:github.com/x") << "missing '//'" << false;
        QTest::addRow("https without host")
            << QByteArray("https:///org/repo") << "no host" << false;
        QTest::addRow("https without path") << QByteArray("https://github.com") << "path" << false;
        QTest::addRow("https root path only")
            << QByteArray("https://github.com/") << "path" << false;
        QTest::addRow("ssh without path") << QByteArray("ssh://git@example.com") << "path" << false;
        QTest::addRow("git without path") << QByteArray("git://example.com/") << "path" << false;
        QTest::addRow("scp-like without path") << QByteArray("git@github.com:") << "path" << false;
        QTest::addRow("file without path") << QByteArray("file://") << "path" << false;
        QTest::addRow("file with remote host")
            << QByteArray("file://server/share/repo") << "must not name a host" << false;
        QTest::addRow("user and password")
            << QByteArray("https://user:pass@github.com/x") << "credentials" << true;
        QTest::addRow("token as user")
            << QByteArray("https://ghp_abcdef123456@github.com/o/r") << "credentials" << true;
        QTest::addRow("ssh password")
            << QByteArray("ssh://git:secret@example.com/repo") << "credentials" << true;
        QTest::addRow("scp-like password")
            << QByteArray("git:secret@example.com:repo") << "credentials" << true;
        QTest::addRow("git protocol with user")
            << QByteArray("git://me@example.com/repo") << "user" << false;
        QTest::addRow("port zero") << QByteArray("https://github.com:0/x") << "port" << false;
        QTest::addRow("port too big")
            << QByteArray("https://github.com:65536/x") << "port" << false;
        QTest::addRow("port not numeric")
            << QByteArray("https://github.com:http/x") << "port" << false;
        QTest::addRow("host starts with dash")
            << QByteArray("ssh://-oProxyCommand=x/repo") << "host" << false;
        QTest::addRow("user starts with dash")
            << QByteArray("-oProxyCommand=x@host:repo") << "user name" << false;
        QTest::addRow("single-letter host") << QByteArray("c:repo") << "Windows" << false;
        QTest::addRow("windows path") << QByteArray("C:\\repos\\app") << "Windows" << false;
        QTest::addRow("bare word") << QByteArray("repository") << "not a URL" << false;
        QTest::addRow("relative without dot") << QByteArray("repos/app") << "not a URL" << false;
        QTest::addRow("home tilde") << QByteArray("~/repos/app") << "not a URL" << false;
        QTest::addRow("unclosed IPv6") << QByteArray("ssh://[::1/repo") << "IPv6" << false;
    }

    void rejected()
    {
        QFETCH(QByteArray, url);
        QFETCH(QString, problem);
        QFETCH(bool, credentials);
        const std::string text = url.toStdString();
        QVERIFY(!GitUrl::parse(text).has_value());
        const QString why = QString::fromStdString(GitUrl::problem(text));
        QVERIFY2(why.contains(problem), qPrintable(why));
        QCOMPARE(GitUrl::hasEmbeddedCredentials(text), credentials);
    }

    void provider_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<rv1::GitProvider>("provider");
        QTest::addRow("github https") << "https://github.com/o/r.git" << rv1::GIT_PROVIDER_GITHUB;
        QTest::addRow("github scp") << "git@github.com:o/r.git" << rv1::GIT_PROVIDER_GITHUB;
        QTest::addRow("github subdomain")
            << "https://api.github.com/o/r" << rv1::GIT_PROVIDER_GITHUB;
        QTest::addRow("github enterprise")
            << "https://github.acme.corp/o/r" << rv1::GIT_PROVIDER_GITHUB;
        QTest::addRow("github upper-case host")
            << "https://GitHub.com/o/r" << rv1::GIT_PROVIDER_GITHUB;
        QTest::addRow("gitlab") << "https://gitlab.com/g/p.git" << rv1::GIT_PROVIDER_GITLAB;
        QTest::addRow("self-hosted gitlab")
            << "git@gitlab.acme.io:g/p.git" << rv1::GIT_PROVIDER_GITLAB;
        QTest::addRow("bitbucket")
            << "https://bitbucket.org/t/r.git" << rv1::GIT_PROVIDER_BITBUCKET;
        QTest::addRow("bitbucket server")
            << "ssh://git@bitbucket.acme.io:7999/p/r.git" << rv1::GIT_PROVIDER_BITBUCKET;
        QTest::addRow("azure https")
            << "https://dev.azure.com/org/proj/_git/repo" << rv1::GIT_PROVIDER_AZURE_DEVOPS;
        QTest::addRow("azure ssh")
            << "git@ssh.dev.azure.com:v3/org/proj/repo" << rv1::GIT_PROVIDER_AZURE_DEVOPS;
        QTest::addRow("visualstudio.com")
            << "https://org.visualstudio.com/proj/_git/repo" << rv1::GIT_PROVIDER_AZURE_DEVOPS;
        QTest::addRow("gitea.com") << "https://gitea.com/o/r.git" << rv1::GIT_PROVIDER_GITEA;
        QTest::addRow("codeberg") << "https://codeberg.org/o/r.git" << rv1::GIT_PROVIDER_GITEA;
        QTest::addRow("self-hosted gitea")
            << "https://gitea.acme.io/o/r" << rv1::GIT_PROVIDER_GITEA;
        QTest::addRow("generic host") << "https://git.example.com/o/r" << rv1::GIT_PROVIDER_GENERIC;
        QTest::addRow("lookalike suffix")
            << "https://notgitlab.com/o/r" << rv1::GIT_PROVIDER_GENERIC;
        QTest::addRow("git protocol") << "git://example.org/r.git" << rv1::GIT_PROVIDER_GENERIC;
        QTest::addRow("local path") << "/srv/github.com/r" << rv1::GIT_PROVIDER_GENERIC;
        QTest::addRow("file url") << "file:///srv/r" << rv1::GIT_PROVIDER_GENERIC;
    }

    void provider()
    {
        QFETCH(QString, url);
        QFETCH(rv1::GitProvider, provider);
        const auto parsed = GitUrl::parse(url.toStdString());
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->detectProvider(), provider);
    }
};

QTEST_GUILESS_MAIN(TestGitUrl)
#include "test_git_url.moc"
