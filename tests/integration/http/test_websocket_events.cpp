// The WebSocket event feed at /v1/events: replay from after_sequence, live
// events as they happen, bearer token required at the upgrade, clear errors.
#include "HttpTestClient.h"
#include "feature/feature/v1/feature.grpc.pb.h"
#include "feature/repository/v1/repository.grpc.pb.h"
#include "support/BuilderdProcess.h"
#include "support/GrpcTestClient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>
#include <QUuid>
#include <QWebSocket>

using builder::testing::BuilderdProcess;
using builder::testing::GrpcTestClient;
using builder::testing::HttpTestClient;
namespace fv1 = feature::feature::v1;
namespace rv1 = feature::repository::v1;

namespace {

constexpr int kWaitMs = 10000;

// One client socket and every text frame it received, parsed.
class FeedClient
{
public:
    FeedClient()
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket,
                         [this](const QString& text) {
                             frames.append(QJsonDocument::fromJson(text.toUtf8()).object());
                             raw.append(text);
                         });
    }

    void open(const QString& httpAddress, const QString& query, const QString& token)
    {
        QNetworkRequest request(QUrl("ws://" + httpAddress + "/v1/events?" + query));
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        socket.open(request);
    }

    // Every frame the server queued before it answered this ping has arrived.
    bool barrier()
    {
        QSignalSpy pong(&socket, &QWebSocket::pong);
        socket.ping("barrier");
        return pong.wait(kWaitMs);
    }

    QStringList sequences() const
    {
        QStringList out;
        for (const auto& frame : frames)
            out << frame.value("event").toObject().value("sequence_number").toString();
        return out;
    }

    QWebSocket socket;
    QSignalSpy connected{&socket, &QWebSocket::connected};
    QSignalSpy disconnected{&socket, &QWebSocket::disconnected};
    // Qt 6.4 names the signal error(); errorOccurred() arrived in 6.5.
    QSignalSpy errors{&socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error)};
    QList<QJsonObject> frames;
    QStringList raw;
};

} // namespace

class WebSocketEventsTest : public QObject
{
    Q_OBJECT

private:
    BuilderdProcess m_builderd;
    QString m_token;
    std::shared_ptr<grpc::Channel> m_channel;
    QString m_executionId;

    QString query(const QString& execution, const QString& after,
                  const QString& eventTypes = {}) const
    {
        QUrlQuery q;
        q.addQueryItem("execution", execution);
        q.addQueryItem("after_sequence", after);
        if (!eventTypes.isEmpty())
            q.addQueryItem("event_types", eventTypes);
        return q.toString(QUrl::FullyEncoded);
    }

    // The HTTP answer to an upgrade request, read off a raw socket.
    HttpTestClient::Reply rawUpgrade(const QString& pathAndQuery, const QByteArray& authorization)
    {
        QByteArray request = "GET " + pathAndQuery.toLatin1() +
                             " HTTP/1.1\r\nHost: " + m_builderd.httpAddress().toLatin1() +
                             "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                             "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                             "Sec-WebSocket-Version: 13\r\n";
        if (!authorization.isEmpty())
            request += "Authorization: " + authorization + "\r\n";
        request += "\r\n";
        HttpTestClient http(m_builderd.httpAddress());
        return http.raw(request);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_builderd.start(), qPrintable(m_builderd.errorString()));
        m_token = m_builderd.createToken("ws-engineer", "engineer");
        m_channel = GrpcTestClient::channel(m_builderd.grpcAddress());

        auto repositories = rv1::RepositoryService::NewStub(m_channel);
        rv1::RegisterRequest reg;
        reg.set_name("events-app");
        reg.set_url("https://example.invalid/acme/events-app.git");
        reg.set_default_branch("main");
        rv1::RegisterResponse registered;
        auto regCtx = GrpcTestClient::context(m_token);
        auto status = repositories->Register(regCtx.get(), reg, &registered);
        QVERIFY2(status.ok(), status.error_message().c_str());

        auto features = fv1::FeatureService::NewStub(m_channel);
        fv1::CreateRequest create;
        create.mutable_spec()->set_title("Stream my events");
        create.mutable_spec()->set_description("A feature whose events the WebSocket follows.");
        create.mutable_spec()->set_repository_id(registered.repository().id());
        fv1::CreateResponse created;
        auto createCtx = GrpcTestClient::context(m_token);
        status = features->Create(createCtx.get(), create, &created);
        QVERIFY2(status.ok(), status.error_message().c_str());
        m_executionId = QString::fromStdString(created.execution().id());
    }

    void replayThenLiveEvents()
    {
        FeedClient client;
        client.open(m_builderd.httpAddress(), query(m_executionId, "0"), m_token);
        QVERIFY2(client.connected.wait(kWaitMs), qPrintable(client.socket.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(client.frames.size() >= 1, kWaitMs);
        const auto created = client.frames.first().value("event").toObject();
        QCOMPARE(created.value("type").toString(), QString("feature.created"));
        // proto3 JSON prints uint64 as a string.
        QCOMPARE(created.value("sequence_number"), QJsonValue("1"));
        QVERIFY(!created.value("id").toString().isEmpty());
        QVERIFY(!created.value("summary").toString().isEmpty());
        QVERIFY(created.value("timestamp").toString().endsWith('Z'));
        QVERIFY(client.barrier());
        QCOMPARE(client.frames.size(), 1);

        // Cancel over gRPC: the open socket sees it live.
        auto features = fv1::FeatureService::NewStub(m_channel);
        fv1::CancelRequest cancel;
        cancel.set_id(m_executionId.toStdString());
        cancel.set_reason("no longer needed");
        fv1::CancelResponse cancelled;
        auto ctx = GrpcTestClient::context(m_token);
        const auto status = features->Cancel(ctx.get(), cancel, &cancelled);
        QVERIFY2(status.ok(), status.error_message().c_str());
        QCOMPARE(cancelled.execution().state(), fv1::FEATURE_STATE_CANCELLED);

        QTRY_VERIFY_WITH_TIMEOUT(client.frames.size() >= 3, kWaitMs);
        QCOMPARE(client.sequences(), (QStringList{"1", "2", "3"}));
        const auto changed = client.frames.at(1).value("event").toObject();
        QCOMPARE(changed.value("type").toString(), QString("feature.state_changed"));
        QCOMPARE(changed.value("payload").toObject().value("to").toString(),
                 QString("FEATURE_STATE_CANCELLED"));
        const auto cancelledEvent = client.frames.at(2).value("event").toObject();
        QCOMPARE(cancelledEvent.value("type").toString(), QString("feature.cancelled"));
        QCOMPARE(cancelledEvent.value("payload").toObject().value("reason").toString(),
                 QString("no longer needed"));
        QVERIFY(client.barrier());
        QCOMPARE(client.frames.size(), 3);
        client.socket.close();
    }

    void reconnectAfterSequence()
    {
        FeedClient client;
        client.open(m_builderd.httpAddress(), query(m_executionId, "2"), m_token);
        QVERIFY2(client.connected.wait(kWaitMs), qPrintable(client.socket.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(client.frames.size() >= 1, kWaitMs);
        QVERIFY(client.barrier());
        QCOMPARE(client.sequences(), QStringList{"3"});
        QCOMPARE(client.frames.first().value("event").toObject().value("type").toString(),
                 QString("feature.cancelled"));
        client.socket.close();
    }

    void caughtUpFeedSendsNothing()
    {
        FeedClient client;
        client.open(m_builderd.httpAddress(), query(m_executionId, "3"), m_token);
        QVERIFY2(client.connected.wait(kWaitMs), qPrintable(client.socket.errorString()));
        QVERIFY(client.barrier());
        QCOMPARE(client.frames.size(), 0);
        QCOMPARE(client.socket.state(), QAbstractSocket::ConnectedState);
        client.socket.close();
    }

    void eventTypeFilter()
    {
        FeedClient client;
        client.open(m_builderd.httpAddress(),
                    query(m_executionId, "0", "feature.created,feature.cancelled"), m_token);
        QVERIFY2(client.connected.wait(kWaitMs), qPrintable(client.socket.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(client.frames.size() >= 2, kWaitMs);
        QVERIFY(client.barrier());
        QCOMPARE(client.sequences(), (QStringList{"1", "3"}));
        client.socket.close();
    }

    void upgradeWithoutValidTokenIsRefused_data()
    {
        QTest::addColumn<QString>("token");
        QTest::newRow("no token") << QString();
        QTest::newRow("garbage token") << QString("not.a.token");
    }

    void upgradeWithoutValidTokenIsRefused()
    {
        QFETCH(QString, token);
        FeedClient client;
        client.open(m_builderd.httpAddress(), query(m_executionId, "0"), token);
        QTRY_VERIFY_WITH_TIMEOUT(client.errors.size() > 0 || client.disconnected.size() > 0,
                                 kWaitMs);
        QCOMPARE(client.connected.size(), 0);
        QVERIFY(client.frames.isEmpty());
        QVERIFY(client.socket.state() != QAbstractSocket::ConnectedState);

        // What the refusal says on the wire: 401 with a Connect error body.
        const auto reply = rawUpgrade("/v1/events?" + query(m_executionId, "0"),
                                      token.isEmpty() ? QByteArray() : "Bearer " + token.toUtf8());
        QVERIFY2(reply.status == 401, reply.describe().constData());
        QCOMPARE(reply.json().value("code").toString(), QString("unauthenticated"));
    }

    void unknownExecutionIsAClearError_data()
    {
        QTest::addColumn<QString>("execution");
        QTest::addColumn<QString>("code");
        QTest::newRow("unknown execution")
            << QUuid::createUuid().toString(QUuid::WithoutBraces) << "not_found";
        QTest::newRow("not a UUID") << QString("not-a-uuid") << "invalid_argument";
        QTest::newRow("missing execution") << QString() << "invalid_argument";
    }

    // builderd accepts the upgrade (the token is good), then sends one
    // {"error":{...}} frame with a Connect error and closes the socket normally.
    void unknownExecutionIsAClearError()
    {
        QFETCH(QString, execution);
        QFETCH(QString, code);
        FeedClient client;
        client.open(m_builderd.httpAddress(), query(execution, "0"), m_token);
        QTRY_VERIFY_WITH_TIMEOUT(client.disconnected.size() > 0, kWaitMs);
        QCOMPARE(client.connected.size(), 1);
        QCOMPARE(client.frames.size(), 1);
        const auto error = client.frames.first().value("error").toObject();
        QCOMPARE(error.value("code").toString(), code);
        QVERIFY(!error.value("message").toString().isEmpty());
        QVERIFY(!client.frames.first().contains("event"));
        QCOMPARE(client.socket.closeCode(), QWebSocketProtocol::CloseCodeNormal);
    }

    void cleanupTestCase() { QCOMPARE(m_builderd.stop(), 0); }
};

QTEST_GUILESS_MAIN(WebSocketEventsTest)
#include "test_websocket_events.moc"
