// RemoteProbe over smart HTTP against a loopback server: credential mapping, the
// retry guard, status mapping, redirects, and read-only versus writable remotes.
#include "FakeHttpServer.h"
#include "git/RemoteProbe.h"

#include <QByteArray>
#include <QTest>

#include <algorithm>

using builder::common::StatusCode;
using builder::git::GitCredential;
using builder::git::RemoteProbe;
using builder::git::RemoteRef;

namespace {

constexpr const char* kCanary = "CANARY-t0ken-4b2d8e";
constexpr const char* kOid = "0123456789abcdef0123456789abcdef01234567";
constexpr const char* kUploadPack = "git-upload-pack";
constexpr const char* kReceivePack = "git-receive-pack";

std::string pktLine(const std::string& data)
{
    char length[5];
    std::snprintf(length, sizeof(length), "%04zx", data.size() + 4);
    return length + data;
}

// The info/refs reply of a repository with one branch that HEAD points to.
// Old servers send no symref capability; HEAD is then only an object id.
std::string advertisement(const std::string& service, const std::string& branch,
                          bool withSymref = true)
{
    std::string body = pktLine("# service=" + service + "\n") + "0000";
    const std::string ref = std::string(kOid) + " refs/heads/" + branch;
    if (service == kUploadPack) {
        const std::string symref = withSymref ? "symref=HEAD:refs/heads/" + branch + " " : "";
        body += pktLine(std::string(kOid) + " HEAD" + '\0' + symref + "agent=fake\n");
        body += pktLine(ref + "\n");
    } else {
        body += pktLine(ref + '\0' + "report-status delete-refs agent=fake\n");
    }
    body += "0000";
    return FakeHttpServer::response(
        "200 OK", "Content-Type: application/x-" + service + "-advertisement\r\n", body);
}

std::string unauthorized()
{
    return FakeHttpServer::response("401 Unauthorized",
                                    "WWW-Authenticate: Basic realm=\"fake\"\r\n");
}

std::string basicAuthHeader(const std::string& user, const std::string& password)
{
    const QByteArray pair = QByteArray::fromStdString(user + ":" + password);
    return "Authorization: Basic " + pair.toBase64().toStdString();
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

int countContaining(const std::vector<std::string>& requests, const std::string& part)
{
    return int(std::count_if(requests.begin(), requests.end(),
                             [&](const std::string& r) { return contains(r, part); }));
}

GitCredential credential(GitCredential::Kind kind, const std::string& username = {})
{
    GitCredential cred;
    cred.kind = kind;
    cred.username = username;
    cred.secret = kCanary;
    cred.sshPrivateKey = std::string("-----BEGIN OPENSSH PRIVATE KEY-----\n") + kCanary + "\n";
    return cred;
}

std::string repoUrl(const FakeHttpServer& server, const std::string& host = "127.0.0.1")
{
    return "http://" + host + ":" + std::to_string(server.port()) + "/repo.git";
}

} // namespace

class TestRemoteProbeHttp : public QObject
{
    Q_OBJECT

private slots:
    void rejectedCredentialsFailAuthentication_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("sentUser");
        QTest::addRow("token, default user") << int(GitCredential::Kind::Token) << ""
                                             << "x-access-token";
        QTest::addRow("token, own user") << int(GitCredential::Kind::Token) << "bot"
                                         << "bot";
        QTest::addRow("basic") << int(GitCredential::Kind::Basic) << "alice"
                               << "alice";
        QTest::addRow("oauth") << int(GitCredential::Kind::OAuth) << "ignored"
                               << "oauth2";
    }
    void rejectedCredentialsFailAuthentication()
    {
        QFETCH(int, kind);
        QFETCH(QString, username);
        QFETCH(QString, sentUser);
        FakeHttpServer server([](const std::string&) { return unauthorized(); });
        QVERIFY(server.start());
        const std::string url = repoUrl(server);

        const auto result =
            RemoteProbe::probe(url, credential(GitCredential::Kind(kind), username.toStdString()));

        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), StatusCode::PermissionDenied);
        const std::string& message = result.error().message();
        QVERIFY2(contains(message, "authentication failed for " + url), message.c_str());
        QVERIFY2(!contains(message, kCanary), message.c_str());
        // One anonymous request, one with the credential, then the guard stops libgit2.
        const auto requests = server.requests();
        QCOMPARE(requests.size(), std::size_t(2));
        QCOMPARE(countContaining(requests, basicAuthHeader(sentUser.toStdString(), kCanary)), 1);
    }

    void missingCredentialsFailAuthentication()
    {
        FakeHttpServer server([](const std::string&) { return unauthorized(); });
        QVERIFY(server.start());

        const auto result = RemoteProbe::probe(repoUrl(server), {});

        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), StatusCode::PermissionDenied);
        QVERIFY2(contains(result.error().message(), "authentication failed for " + repoUrl(server)),
                 result.error().message().c_str());
        QCOMPARE(countContaining(server.requests(), "Authorization:"), 0);
    }

    void sshKeyIsNotSentOverHttp()
    {
        FakeHttpServer server([](const std::string&) { return unauthorized(); });
        QVERIFY(server.start());

        const auto result =
            RemoteProbe::probe(repoUrl(server), credential(GitCredential::Kind::SshKey));

        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), StatusCode::PermissionDenied);
        QVERIFY2(!contains(result.error().message(), kCanary), result.error().message().c_str());
        QCOMPARE(countContaining(server.requests(), "Authorization:"), 0);
    }

    void httpErrorStatusIsMapped_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<int>("code");
        QTest::addRow("404") << "404 Not Found" << int(StatusCode::Unavailable);
        QTest::addRow("500") << "500 Internal Server Error" << int(StatusCode::Unavailable);
        QTest::addRow("403") << "403 Forbidden" << int(StatusCode::PermissionDenied);
    }
    void httpErrorStatusIsMapped()
    {
        QFETCH(QString, status);
        QFETCH(int, code);
        FakeHttpServer server(
            [&](const std::string&) { return FakeHttpServer::response(status.toStdString()); });
        QVERIFY(server.start());

        const auto result =
            RemoteProbe::probe(repoUrl(server), credential(GitCredential::Kind::Token));

        QVERIFY(!result.ok());
        QCOMPARE(int(result.error().code()), code);
        QVERIFY2(contains(result.error().message(), repoUrl(server)),
                 result.error().message().c_str());
        QVERIFY2(!contains(result.error().message(), kCanary), result.error().message().c_str());
    }

    void refusedConnectionIsUnavailable()
    {
        std::string url;
        {
            FakeHttpServer closed([](const std::string&) { return unauthorized(); });
            QVERIFY(closed.start());
            url = repoUrl(closed);
        } // the port is free again: connecting is refused

        const auto result = RemoteProbe::probe(url, credential(GitCredential::Kind::Token));

        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), StatusCode::Unavailable);
        QVERIFY2(contains(result.error().message(), url), result.error().message().c_str());
    }

    void readOnlyRemoteIsReadableNotWritable()
    {
        FakeHttpServer server([](const std::string& head) {
            return contains(head, kUploadPack) ? advertisement(kUploadPack, "trunk")
                                               : FakeHttpServer::response("403 Forbidden");
        });
        QVERIFY(server.start());

        const auto result =
            RemoteProbe::probe(repoUrl(server), credential(GitCredential::Kind::Token));

        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message().c_str());
        QCOMPARE(QString::fromStdString(result->defaultBranch), QString("trunk"));
        const std::vector<RemoteRef> expected{{"refs/heads/trunk", kOid}};
        QVERIFY(result->refs == expected);
        QVERIFY(result->canRead);
        QVERIFY(!result->canWrite);
        QVERIFY2(contains(result->writeDeniedReason, "refused"), result->writeDeniedReason.c_str());
        QVERIFY(!contains(result->writeDeniedReason, kCanary));
    }

    void headWithoutSymrefIsGuessed()
    {
        FakeHttpServer server([](const std::string& head) {
            return contains(head, kUploadPack) ? advertisement(kUploadPack, "stable", false)
                                               : FakeHttpServer::response("403 Forbidden");
        });
        QVERIFY(server.start());

        const auto result = RemoteProbe::probe(repoUrl(server), {});

        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message().c_str());
        QCOMPARE(QString::fromStdString(result->defaultBranch), QString("stable"));
        QVERIFY(result->canRead);
        QVERIFY(!result->canWrite);
    }

    // Anonymous reads, authenticated writes: the push connection answers the
    // challenge with the token and then succeeds.
    void writableRemoteAuthenticatesThePush()
    {
        const std::string auth = basicAuthHeader("x-access-token", kCanary);
        FakeHttpServer server([&](const std::string& head) {
            if (contains(head, kUploadPack)) {
                return advertisement(kUploadPack, "main");
            }
            return contains(head, auth) ? advertisement(kReceivePack, "main") : unauthorized();
        });
        QVERIFY(server.start());

        const auto result =
            RemoteProbe::probe(repoUrl(server), credential(GitCredential::Kind::Token));

        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message().c_str());
        QCOMPARE(QString::fromStdString(result->defaultBranch), QString("main"));
        QVERIFY(result->canRead);
        QVERIFY2(result->canWrite, result->writeDeniedReason.c_str());
        QCOMPARE(countContaining(server.requests(), auth), 1);
    }

    // A redirect to another host must not take the credentials along.
    void credentialsStayWithConfiguredHost()
    {
        FakeHttpServer target([](const std::string&) { return unauthorized(); });
        QVERIFY(target.start());
        const std::string location =
            repoUrl(target, "localhost") + "/info/refs?service=" + kUploadPack;
        FakeHttpServer origin([&](const std::string&) {
            return FakeHttpServer::response("302 Found", "Location: " + location + "\r\n");
        });
        QVERIFY(origin.start());

        const auto result =
            RemoteProbe::probe(repoUrl(origin), credential(GitCredential::Kind::Token));

        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), StatusCode::PermissionDenied);
        QVERIFY(!target.requests().empty());
        QCOMPARE(countContaining(target.requests(), "Authorization:"), 0);
    }
};

QTEST_GUILESS_MAIN(TestRemoteProbeHttp)
#include "test_remote_probe_http.moc"
