// WebSocket upgrade on the HTTP port, and TLS (https and wss) with a throwaway certificate.
#include "RawHttpClient.h"
#include "TestHandler.h"
#include "http/HttpServer.h"

#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QWebSocket>
#include <QtTest>

#include <memory>

using namespace builder::http;
using namespace builder::http::test;

namespace {

const QByteArray kUpgradeRequest = "GET /v1/events?after=5 HTTP/1.1\r\nHost: t\r\n"
                                   "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                                   "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                   "Sec-WebSocket-Version: 13\r\n\r\n";

// Greets with the query's "after" and echoes text frames; runs on the socket's I/O thread.
void greetAndEcho(const HttpRequest& request, QWebSocket* socket)
{
    QObject::connect(socket, &QWebSocket::textMessageReceived, socket,
                     [socket](const QString& text) { socket->sendTextMessage("echo:" + text); });
    socket->sendTextMessage("hello " + request.query.queryItemValue(QStringLiteral("after")));
}

} // namespace

class TestHttpWebSocket : public QObject
{
    Q_OBJECT

private:
    // Hooks go on m_handler before this: the server's threads read them.
    void startServer(HttpServerOptions options = {})
    {
        m_server = std::make_unique<HttpServer>(options, m_handler.get());
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }

    // A self-signed certificate for localhost in m_tlsDir; false if openssl is unavailable.
    bool makeCertificate(HttpServerOptions& options)
    {
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty() || !m_tlsDir.isValid())
            return false;
        options.tlsCertificateFile = m_tlsDir.filePath(QStringLiteral("cert.pem"));
        options.tlsKeyFile = m_tlsDir.filePath(QStringLiteral("key.pem"));
        QProcess process;
        process.start(openssl, {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                                "-subj", "/CN=localhost", "-keyout", options.tlsKeyFile, "-out",
                                options.tlsCertificateFile});
        return process.waitForFinished(60000) && process.exitCode() == 0;
    }

    std::unique_ptr<TestHandler> m_handler;
    std::unique_ptr<HttpServer> m_server;
    QTemporaryDir m_tlsDir;

private slots:
    void init() { m_handler = std::make_unique<TestHandler>(); }

    void cleanup()
    {
        m_server.reset();
        m_handler.reset();
    }

    void upgradeIsAcceptedAndCarriesTextBothWays()
    {
        m_handler->onSocket = greetAndEcho;
        startServer();
        QWebSocket client;
        QSignalSpy connected(&client, &QWebSocket::connected);
        QSignalSpy messages(&client, &QWebSocket::textMessageReceived);
        client.open(
            QUrl(QStringLiteral("ws://127.0.0.1:%1/v1/events?after=5").arg(m_server->port())));
        QVERIFY(connected.wait(5000));
        QTRY_COMPARE_WITH_TIMEOUT(messages.size(), 1, 5000);
        QCOMPARE(messages.at(0).at(0).toString(), QStringLiteral("hello 5"));
        client.sendTextMessage(QStringLiteral("ping"));
        QTRY_COMPARE_WITH_TIMEOUT(messages.size(), 2, 5000);
        QCOMPARE(messages.at(1).at(0).toString(), QStringLiteral("echo:ping"));

        const HttpRequest seen = m_handler->requests().constFirst();
        QCOMPARE(seen.path, QByteArray("/v1/events"));
        QCOMPARE(seen.header("upgrade").toLower(), QByteArray("websocket"));
        QCOMPARE(m_handler->handledCount(), 0); // never reached handle()
    }

    void refusedUpgradeIsAnOrdinaryResponse()
    {
        m_handler->onAccept = [](const HttpRequest&) {
            return std::optional(std::pair{
                401, QByteArray(R"({"code":"unauthenticated","message":"missing token"})")});
        };
        startServer();
        RawHttpClient raw(m_server->port());
        QVERIFY(raw.connectToServer());
        raw.send(kUpgradeRequest);
        const auto response = raw.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 401);
        QCOMPARE(response->header("content-type"), QByteArray("application/json"));
        QCOMPARE(response->body,
                 QByteArray(R"({"code":"unauthenticated","message":"missing token"})"));
        QVERIFY(raw.waitForDisconnected());

        QWebSocket client;
        QSignalSpy connected(&client, &QWebSocket::connected);
        QSignalSpy failed(&client, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error));
        client.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/v1/events").arg(m_server->port())));
        QVERIFY(failed.wait(5000));
        QVERIFY2(client.errorString().contains(QStringLiteral("401")),
                 qPrintable(client.errorString()));
        QCOMPARE(connected.size(), 0);
    }

    void stopClosesWebSocketsWithGoingAway()
    {
        m_handler->onSocket = greetAndEcho;
        startServer();
        QWebSocket client;
        QSignalSpy messages(&client, &QWebSocket::textMessageReceived);
        QSignalSpy disconnected(&client, &QWebSocket::disconnected);
        client.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/v1/events").arg(m_server->port())));
        QVERIFY(messages.wait(5000));
        m_server->stop();
        QVERIFY(disconnected.wait(5000));
        QCOMPARE(client.closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    }

    void tlsServesHttpsAndWss()
    {
        HttpServerOptions options;
        if (!makeCertificate(options))
            QSKIP("openssl is needed to make a test certificate");
        m_handler->onSocket = greetAndEcho;
        startServer(options);

        RawHttpClient https(m_server->port(), true);
        QVERIFY(https.connectToServer());
        https.send("POST /secure HTTP/1.1\r\nHost: t\r\nContent-Length: 6\r\n\r\nsecret");
        const auto response = https.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->body, QByteArray("secret"));
        QVERIFY(m_handler->requests().constFirst().secure);

        // Plain text on the TLS port fails the handshake and closes only that connection.
        RawHttpClient plain(m_server->port());
        QVERIFY(plain.connectToServer());
        plain.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n");
        QVERIFY(plain.waitForDisconnected());
        https.send("POST /again HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\n\r\nok");
        const auto again = https.readResponse();
        QVERIFY(again);
        QCOMPARE(again->body, QByteArray("ok"));

        QWebSocket wss;
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        wss.setSslConfiguration(tls);
        QSignalSpy messages(&wss, &QWebSocket::textMessageReceived);
        wss.open(
            QUrl(QStringLiteral("wss://127.0.0.1:%1/v1/events?after=9").arg(m_server->port())));
        QVERIFY(messages.wait(10000));
        QCOMPARE(messages.at(0).at(0).toString(), QStringLiteral("hello 9"));
    }

    void missingTlsFilesFailStart()
    {
        HttpServerOptions options;
        options.tlsCertificateFile = QStringLiteral("/nonexistent/cert.pem");
        options.tlsKeyFile = QStringLiteral("/nonexistent/key.pem");
        HttpServer server(options, m_handler.get());
        QString error;
        QVERIFY(!server.start(&error));
        QVERIFY2(error.contains(QStringLiteral("/nonexistent/cert.pem")), qPrintable(error));
        QVERIFY(!server.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestHttpWebSocket)
#include "test_http_websocket.moc"
