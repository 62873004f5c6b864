// The client layer against real builderd processes: the live feed resumes
// after a server restart with no gap and no duplicate, the WebSocket path and
// the automatic fallback deliver the same events, the local builderd is found
// or started, and the command line is checked.
#include "StudioFixture.h"

#include "client/ArtifactDownloader.h"
#include "client/EventSubscription.h"
#include "client/FeatureApi.h"
#include "client/Identity.h"
#include "client/LocalBackend.h"
#include "client/ServiceProbe.h"
#include "client/TokenVault.h"
#include "studio/StudioLauncher.h"
#include "studio/StudioOptions.h"
#include "support/GitFixture.h"
#include "views/MainWindow.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QPointer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <QtTest>

#include <csignal>

using namespace builder;
using namespace builder::guitest;
namespace fv1 = feature::feature::v1;

namespace {

constexpr int kWaitMs = 20000;

int freePort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

// Collects what a subscription delivers.
struct Received
{
    std::vector<quint64> sequences;
    QStringList types;
    void attach(client::EventSubscription& subscription)
    {
        QObject::connect(&subscription, &client::EventSubscription::eventsReceived,
                         [this](const client::EventBatch& batch) {
                             for (const auto& event : batch) {
                                 sequences.push_back(event.sequence_number());
                                 types << QString::fromStdString(event.type());
                             }
                         });
    }
    bool contiguousFromOne() const
    {
        for (std::size_t i = 0; i < sequences.size(); ++i)
            if (sequences[i] != i + 1)
                return false;
        return true;
    }
};

// Puts a new event on the execution's log whatever its state: Cancel when it
// still runs (the pipeline may already have failed it), then Retry, which logs
// feature.retried on the original.
bool addEvents(client::BackendClient& client, const std::string& id)
{
    QObject guard;
    bool done = false;
    client.features().cancel(id, "test", &guard,
                             [&](common::Result<fv1::FeatureExecution>) { done = true; });
    if (!StudioFixture::waitFor([&] { return done; }))
        return false;
    done = false;
    bool ok = false;
    client.features().retry(id, 0, &guard, [&](common::Result<fv1::FeatureExecution> r) {
        ok = r.ok();
        if (!ok)
            qWarning("Retry failed: %d %s", static_cast<int>(r.error().code()),
                     r.error().message().c_str());
        done = true;
    });
    StudioFixture::waitFor([&] { return done; });
    return ok;
}

} // namespace

class TestStudioClient : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void feedResumesAfterRestartWithoutGapOrDuplicate();
    void webSocketFeedDeliversTheSameEvents();
    void automaticTransportFallsBackToWebSocket();
    void localBackendFindsRunningServer();
    void localBackendStartsAndStopsServer();
    void identityFromToken();
    void keychainStoresOrExplainsTheFallback();
    void launcherConnectsAndRebuildsOnSettings();
    void artifactDownloadWritesTheFile();
    void probeTellsOfferedFromAbsent_data();
    void probeTellsOfferedFromAbsent();
    void options_data();
    void options();
};

void TestStudioClient::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestStudioClient::feedResumesAfterRestartWithoutGapOrDuplicate()
{
    QTemporaryDir data;
    const QString grpc = QStringLiteral("127.0.0.1:%1").arg(freePort());
    const QString http = QStringLiteral("127.0.0.1:%1").arg(freePort());
    testing::BuilderdProcess::Options options;
    options.dataDir = data.filePath("data");
    options.extraArgs = {"--rate-limits", "off", "--grpc-listen", grpc, "--http-listen", http};
    auto first = std::make_unique<testing::BuilderdProcess>(options);
    QVERIFY2(first->start(), qPrintable(first->errorString()));
    QCOMPARE(first->grpcAddress(), grpc);

    client::ConnectionSettings settings;
    settings.mode = client::ConnectionSettings::Mode::Remote;
    settings.grpcAddress = grpc;
    settings.httpAddress = http;
    settings.token = first->adminToken();
    settings.eventTransport = client::ConnectionSettings::EventTransport::Grpc;
    client::BackendClient client(settings);
    QTemporaryDir repos;
    QString error;
    QVERIFY(testing::GitFixture::createBareWithCommit(repos.filePath("r.git"), "main", &error));
    const auto repo = StudioFixture::registerRepository(client, "resume", repos.filePath("r.git"));
    QVERIFY(!repo.id().empty());
    const auto execution = StudioFixture::createFeature(client, repo.id(), "Resume me");
    QVERIFY(!execution.id().empty());

    client::EventSubscription subscription(client, QString::fromStdString(execution.id()));
    Received received;
    received.attach(subscription);
    subscription.start();
    QTRY_VERIFY_WITH_TIMEOUT(received.types.contains("feature.created"), kWaitMs);
    const std::size_t before = received.sequences.size();

    QCOMPARE(first->stop(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(subscription.state(), client::EventSubscription::State::Reconnecting,
                              kWaitMs);
    auto second = std::make_unique<testing::BuilderdProcess>(options);
    QVERIFY2(second->start(), qPrintable(second->errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(subscription.state(), client::EventSubscription::State::Live,
                              kWaitMs);
    QVERIFY(addEvents(client, execution.id()));
    QTRY_VERIFY_WITH_TIMEOUT(received.types.contains("feature.retried"), kWaitMs);
    QVERIFY(received.sequences.size() > before);
    QVERIFY2(received.contiguousFromOne(), "a gap or a duplicate after the resume");
    QCOMPARE(subscription.lastSequence(), received.sequences.back());
    subscription.stop();
}

void TestStudioClient::webSocketFeedDeliversTheSameEvents()
{
    StudioFixture fixture;
    QVERIFY2(fixture.start(), qPrintable(fixture.errorString()));
    auto settings = fixture.settings(fixture.token("admin"));
    settings.eventTransport = client::ConnectionSettings::EventTransport::WebSocket;
    client::BackendClient client(settings);
    const auto repo = StudioFixture::registerRepository(client, "ws", fixture.makeBareRepo("ws"));
    const auto execution = StudioFixture::createFeature(client, repo.id(), "Over WebSocket");
    QVERIFY(!execution.id().empty());
    client::EventSubscription subscription(client, QString::fromStdString(execution.id()));
    QCOMPARE(subscription.transportName(), QStringLiteral("WebSocket"));
    Received received;
    received.attach(subscription);
    subscription.start();
    QTRY_VERIFY_WITH_TIMEOUT(received.types.contains("feature.created"), kWaitMs);
    QVERIFY(addEvents(client, execution.id()));
    QTRY_VERIFY_WITH_TIMEOUT(received.types.contains("feature.retried"), kWaitMs);
    QVERIFY(received.contiguousFromOne());
}

void TestStudioClient::automaticTransportFallsBackToWebSocket()
{
    StudioFixture fixture;
    QVERIFY2(fixture.start(), qPrintable(fixture.errorString()));
    client::BackendClient direct(fixture.settings(fixture.token("admin")));
    const auto repo = StudioFixture::registerRepository(direct, "fb", fixture.makeBareRepo("fb"));
    const auto execution = StudioFixture::createFeature(direct, repo.id(), "Fallback");
    QVERIFY(!execution.id().empty());

    // gRPC streaming does not get through (nothing listens there); HTTP does.
    auto settings = fixture.settings(fixture.token("admin"));
    settings.grpcAddress = QStringLiteral("127.0.0.1:%1").arg(freePort());
    settings.eventTransport = client::ConnectionSettings::EventTransport::Automatic;
    client::BackendClient blocked(settings);
    client::EventSubscription subscription(blocked, QString::fromStdString(execution.id()));
    QCOMPARE(subscription.transportName(), QStringLiteral("gRPC"));
    Received received;
    received.attach(subscription);
    subscription.start();
    QTRY_VERIFY_WITH_TIMEOUT(received.types.contains("feature.created"), kWaitMs);
    QCOMPARE(subscription.transportName(), QStringLiteral("WebSocket"));
    QVERIFY(received.contiguousFromOne());
}

void TestStudioClient::localBackendFindsRunningServer()
{
    StudioFixture fixture;
    QVERIFY2(fixture.start(), qPrintable(fixture.errorString()));
    client::LocalBackend::Options options;
    options.dataDir = fixture.builderd().dataDir();
    options.startIfMissing = false;
    client::LocalBackend local(options);
    QSignalSpy ready(&local, &client::LocalBackend::ready);
    local.resolve();
    QVERIFY(ready.wait(kWaitMs));
    const auto settings = ready.first().first().value<client::ConnectionSettings>();
    QCOMPARE(settings.grpcAddress, fixture.builderd().grpcAddress());
    QCOMPARE(settings.httpAddress, fixture.builderd().httpAddress());
    QCOMPARE(settings.token, fixture.builderd().adminToken());
    QVERIFY(!local.startedServer());
}

void TestStudioClient::localBackendStartsAndStopsServer()
{
    QTemporaryDir home;
    client::LocalBackend::Options options;
    options.dataDir = home.filePath("fresh");
    options.builderdPath = testing::BuilderdProcess::builderdPath();
    options.extraArgs = {"--grpc-listen", "127.0.0.1:0", "--http-listen", "127.0.0.1:0"};
    qint64 pid = 0;
    {
        client::LocalBackend local(options);
        QSignalSpy ready(&local, &client::LocalBackend::ready);
        QSignalSpy failed(&local, &client::LocalBackend::failed);
        local.resolve();
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !failed.isEmpty(), kWaitMs);
        QVERIFY2(failed.isEmpty(),
                 failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        QVERIFY(local.startedServer());
        pid = local.serverPid();
        const auto settings = ready.first().first().value<client::ConnectionSettings>();
        QVERIFY(!settings.token.isEmpty());
        client::BackendClient client(settings);
        QTRY_COMPARE_WITH_TIMEOUT(client.reachability(),
                                  client::BackendClient::Reachability::Online, kWaitMs);
        QVERIFY(client.identity().isAdmin());
    }
    // The Studio stops the builderd it started (SIGTERM, it drains and exits).
    QTRY_VERIFY_WITH_TIMEOUT(::kill(static_cast<pid_t>(pid), 0) != 0, kWaitMs);
}

void TestStudioClient::identityFromToken()
{
    StudioFixture fixture;
    QVERIFY2(fixture.start(), qPrintable(fixture.errorString()));
    const auto admin = client::Identity::fromToken(fixture.token("admin"));
    QVERIFY(admin.isAdmin());
    const auto engineer = client::Identity::fromToken(fixture.token("engineer", "eng"));
    QCOMPARE(engineer.role(), client::Identity::Role::Engineer);
    QCOMPARE(engineer.user(), QStringLiteral("eng"));
    QVERIFY(!engineer.canReview());
    const auto reviewer = client::Identity::fromToken(fixture.token("reviewer", "rev"));
    QVERIFY(reviewer.canReview() && !reviewer.canAuthor());
    QCOMPARE(client::Identity::fromToken("not-a-jwt").role(), client::Identity::Role::Unknown);
}

void TestStudioClient::keychainStoresOrExplainsTheFallback()
{
    // With a Secret Service the token round-trips; without one (CI, servers)
    // the vault says why and that nothing was saved. Either way it answers.
    client::TokenVault vault;
    QSignalSpy stored(&vault, &client::TokenVault::stored);
    QSignalSpy unavailable(&vault, &client::TokenVault::unavailable);
    const QString key = QStringLiteral("grpc://test-only.invalid:1");
    vault.store(key, QStringLiteral("not-a-real-token"));
    QTRY_VERIFY_WITH_TIMEOUT(!stored.isEmpty() || !unavailable.isEmpty(), kWaitMs);
    if (!unavailable.isEmpty()) {
        const QString message = unavailable.first().first().toString();
        QVERIFY2(message.contains("No system keychain") && message.contains("not saved"),
                 qPrintable(message));
        return;
    }
    QSignalSpy loaded(&vault, &client::TokenVault::loaded);
    vault.load(key);
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), kWaitMs);
    QCOMPARE(loaded.first().at(1).toString(), QStringLiteral("not-a-real-token"));
    QSignalSpy removed(&vault, &client::TokenVault::removed);
    vault.remove(key);
    QTRY_VERIFY_WITH_TIMEOUT(!removed.isEmpty(), kWaitMs);
}

void TestStudioClient::launcherConnectsAndRebuildsOnSettings()
{
    StudioFixture first;
    QVERIFY2(first.start(), qPrintable(first.errorString()));
    QTemporaryDir dir;
    QFile tokenFile(dir.filePath("token"));
    QVERIFY(tokenFile.open(QIODevice::WriteOnly));
    tokenFile.write(first.token("admin").toUtf8() + "\n");
    tokenFile.close();
    studio::StudioOptions options;
    options.remote = true;
    options.server = first.builderd().grpcAddress();
    options.tokenFile = tokenFile.fileName();
    QElapsedTimer sinceLaunch;
    sinceLaunch.start();
    studio::StudioLauncher launcher(options, sinceLaunch);
    launcher.start();
    QTRY_VERIFY_WITH_TIMEOUT(launcher.window() && launcher.window()->isVisible(), kWaitMs);
    QVERIFY(launcher.window()->adminPanel() != nullptr); // the admin token's role
    auto* status = child<QLabel>(launcher.window(), "connectionStatus");
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(first.builderd().grpcAddress()), kWaitMs);

    // Settings chose another server (a token typed in) and the dark theme: a new window.
    StudioFixture second;
    QVERIFY2(second.start(), qPrintable(second.errorString()));
    views::StudioSettings settings;
    settings.mode = client::ConnectionSettings::Mode::Remote;
    settings.remoteAddress = second.builderd().grpcAddress();
    settings.remoteTls = false;
    settings.theme = views::StudioSettings::Theme::Dark;
    QPointer<views::MainWindow> old(launcher.window());
    const QString engineerToken = second.token("engineer", "newcomer");
    emit old->settingsApplied(settings, engineerToken);
    QTRY_VERIFY_WITH_TIMEOUT(old.isNull(), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(launcher.window() && launcher.window()->isVisible(), kWaitMs);
    QVERIFY(launcher.window()->adminPanel() == nullptr); // now an engineer
    status = child<QLabel>(launcher.window(), "connectionStatus");
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(second.builderd().grpcAddress()), kWaitMs);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 128);
    // Where a keychain runs the token was stored; take it out again.
    client::TokenVault vault;
    QSignalSpy done(&vault, &client::TokenVault::removed);
    QSignalSpy unavailable(&vault, &client::TokenVault::unavailable);
    client::ConnectionSettings key;
    key.mode = client::ConnectionSettings::Mode::Remote;
    key.grpcAddress = settings.remoteAddress;
    vault.remove(key.serverKey());
    QTRY_VERIFY_WITH_TIMEOUT(!done.isEmpty() || !unavailable.isEmpty(), kWaitMs);
}

void TestStudioClient::artifactDownloadWritesTheFile()
{
    // A loopback HTTP server standing in for the signed-URL store.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    const QByteArray body = QByteArray("diff --git a/x b/x\n").repeated(1000);
    QByteArray requestLine;
    connect(&server, &QTcpServer::newConnection, &server, [&] {
        QTcpSocket* socket = server.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, socket, [&, socket] {
            const QByteArray request = socket->readAll();
            requestLine = request.left(request.indexOf("\r\n"));
            const bool ok = requestLine.contains("/artifacts/patch.diff?sig=");
            socket->write(ok ? "HTTP/1.1 200 OK\r\nContent-Type: text/x-diff\r\nContent-Length: " +
                                   QByteArray::number(body.size()) +
                                   "\r\nConnection: close\r\n\r\n" + body
                             : QByteArray("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n"
                                          "Connection: close\r\n\r\n"));
            socket->disconnectFromHost();
        });
    });
    QTemporaryDir dir;
    client::ArtifactDownloader downloader;
    QSignalSpy finished(&downloader, &client::ArtifactDownloader::finished);
    QSignalSpy failed(&downloader, &client::ArtifactDownloader::failed);
    const QString target = dir.filePath("patch.diff");
    const QString base = QStringLiteral("http://127.0.0.1:%1/artifacts/").arg(server.serverPort());
    downloader.download(QUrl(base + "patch.diff?sig=abc"), target);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), kWaitMs);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(1).toString()));
    QFile file(target);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), body);
    // An expired signature: the failure names the file, nothing is written.
    const QString refused = dir.filePath("other.diff");
    downloader.download(QUrl(base + "other.diff"), refused);
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), kWaitMs);
    QCOMPARE(failed.first().first().toString(), refused);
    QVERIFY(!QFile::exists(refused));
}

void TestStudioClient::probeTellsOfferedFromAbsent_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<bool>("offered");
    QTest::addRow("served") << "/feature.feature.v1.FeatureService/Get" << true;
    QTest::addRow("unknown service") << "/feature.nothing.v1.NoService/Nothing" << false;
}

void TestStudioClient::probeTellsOfferedFromAbsent()
{
    QFETCH(QString, method);
    QFETCH(bool, offered);
    StudioFixture fixture;
    QVERIFY2(fixture.start(), qPrintable(fixture.errorString()));
    client::BackendClient client(fixture.settings(fixture.token("admin")));
    QObject guard;
    std::optional<common::Result<bool>> answer;
    client.probe().isOffered(method, &guard, [&](common::Result<bool> r) { answer = r; });
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), kWaitMs);
    QVERIFY2(answer->ok(), answer->ok() ? "" : answer->error().message().c_str());
    QCOMPARE(answer->value(), offered);
}

void TestStudioClient::options_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<bool>("remote");
    QTest::addColumn<QString>("errorPart");
    QTest::addRow("default is local") << QStringList{} << true << false << QString();
    QTest::addRow("explicit local") << QStringList{"--local"} << true << false << QString();
    QTest::addRow("remote with token file")
        << QStringList{"--server", "h:7700", "--token-file", "/t"} << true << true << QString();
    QTest::addRow("remote without token")
        << QStringList{"--server", "h:7700"} << false << true << QString("--token-file");
    QTest::addRow("url instead of address")
        << QStringList{"--server", "https://h:7700", "--token-file", "/t"} << false << true
        << QString("HOST:PORT");
    QTest::addRow("local and server")
        << QStringList{"--local", "--server", "h:1", "--token-file", "/t"} << false << true
        << QString("exclude");
}

void TestStudioClient::options()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, ok);
    QFETCH(bool, remote);
    QFETCH(QString, errorPart);
    const auto parsed = studio::StudioOptions::parse(QStringList{"builder-studio"} + arguments);
    QCOMPARE(parsed.ok(), ok);
    if (ok)
        QCOMPARE(parsed->remote, remote);
    else
        QVERIFY2(QString::fromStdString(parsed.error().message()).contains(errorPart),
                 parsed.error().message().c_str());
}

QTEST_MAIN(TestStudioClient)
#include "test_studio_client.moc"
