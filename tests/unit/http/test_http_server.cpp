// HTTP/1.1 behaviour of HttpServer over loopback: framing, keep-alive, limits, errors, lifecycle.
#include "RawHttpClient.h"
#include "TestHandler.h"
#include "http/HttpServer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QtTest>

#include <memory>
#include <thread>

using namespace builder::http;
using namespace builder::http::test;

namespace {

QJsonObject jsonOf(const QByteArray& body)
{
    return QJsonDocument::fromJson(body).object();
}

QByteArray post(const QByteArray& path, const QByteArray& body, const QByteArray& extra = {})
{
    return "POST " + path + " HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n" +
           extra + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

} // namespace

class TestHttpServer : public QObject
{
    Q_OBJECT

private:
    // Hooks go on m_handler before this: the server's threads read them.
    void startServer(HttpServerOptions options = {})
    {
        m_server = std::make_unique<HttpServer>(options, m_handler.get());
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        QVERIFY(m_server->port() != 0);
    }

    std::unique_ptr<TestHandler> m_handler;
    std::unique_ptr<HttpServer> m_server;

private slots:
    void init() { m_handler = std::make_unique<TestHandler>(); }

    void cleanup()
    {
        m_server.reset();
        m_handler.reset();
    }

    void unaryResponseHasContentLength()
    {
        startServer();
        RawHttpClient client(m_server->port());
        QVERIFY(client.connectToServer());
        client.send(post("/pkg.Service/Method?x=1&y=a%20b", R"({"a":1})", "X-Custom: One\r\n"));
        const auto response = client.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->header("content-length"), QByteArray("7"));
        QVERIFY(!response->chunked);
        QCOMPARE(response->body, QByteArray(R"({"a":1})"));
        QCOMPARE(response->header("x-path"), QByteArray("/pkg.Service/Method"));
        QVERIFY(!response->header("date").isEmpty());

        const HttpRequest seen = m_handler->requests().constFirst();
        QCOMPARE(seen.method, QByteArray("POST"));
        QCOMPARE(seen.path, QByteArray("/pkg.Service/Method"));
        QCOMPARE(seen.query.queryItemValue("y", QUrl::FullyDecoded), QStringLiteral("a b"));
        QCOMPARE(seen.header("x-custom"), QByteArray("One"));
        QCOMPARE(seen.peer, QHostAddress(QHostAddress::LocalHost));
        QVERIFY(!seen.secure);
    }

    void keepAliveServesSequentialRequests()
    {
        startServer();
        RawHttpClient client(m_server->port());
        QVERIFY(client.connectToServer());
        client.send(post("/first", "1"));
        const auto first = client.readResponse();
        QVERIFY(first);
        QCOMPARE(first->body, QByteArray("1"));
        QVERIFY(first->header("connection").isEmpty());
        client.send(post("/second", "22"));
        const auto second = client.readResponse();
        QVERIFY(second);
        QCOMPARE(second->body, QByteArray("22"));
        QVERIFY(client.isConnected());
        QCOMPARE(m_handler->handledCount(), 2);
    }

    void pipelinedRequestsAreAnsweredInOrder()
    {
        startServer();
        RawHttpClient client(m_server->port());
        QVERIFY(client.connectToServer());
        client.send(post("/a", "first") + post("/b", "second") +
                    "GET /c HTTP/1.1\r\nHost: test\r\n\r\n");
        for (const char* expected : {"/a", "/b", "/c"}) {
            const auto response = client.readResponse();
            QVERIFY(response);
            QCOMPARE(response->header("x-path"), QByteArray(expected));
        }
    }

    void connectionCloseIsHonoured()
    {
        startServer();
        RawHttpClient client(m_server->port());
        QVERIFY(client.connectToServer());
        client.send(post("/bye", "x", "Connection: close\r\n"));
        const auto response = client.readResponse();
        QVERIFY(response);
        QCOMPARE(response->header("connection"), QByteArray("close"));
        QVERIFY(client.waitForDisconnected());
    }

    void http10ClosesUnlessKeptAlive()
    {
        startServer();
        RawHttpClient client(m_server->port());
        QVERIFY(client.connectToServer());
        client.send("GET /old HTTP/1.0\r\n\r\n");
        const auto response = client.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QVERIFY(client.waitForDisconnected());
    }

    void headResponseHasLengthButNoBody()
    {
        m_handler->onHandle = [](const HttpRequest&, ResponderPtr responder) {
            responder->respond(200, {{"Content-Type", "text/plain"}}, "twelve bytes");
        };
        startServer();
        RawHttpClient client(m_server->port());
        QVERIFY(client.connectToServer());
        client.send(
            "HEAD /health HTTP/1.1\r\nHost: t\r\n\r\nGET /health HTTP/1.1\r\nHost: t\r\n\r\n");
        const auto head = client.readResponse(5000, true);
        QVERIFY(head);
        QCOMPARE(head->header("content-length"), QByteArray("12"));
        const auto get = client.readResponse(); // would be garbled had HEAD sent a body
        QVERIFY(get);
        QCOMPARE(get->body, QByteArray("twelve bytes"));
    }

    void chunkedRequestBodyIsDecoded()
    {
        startServer();
        RawHttpClient client(m_server->port());
        QVERIFY(client.connectToServer());
        client.send("POST /upload HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                    "5;ext=1\r\nhello\r\n1\r\n \r\nA\r\n0123456789\r\n0\r\nX-Trailer: yes\r\n\r\n");
        const auto response = client.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->body, QByteArray("hello 0123456789"));
    }

    void expectContinueIsAnswered()
    {
        startServer();
        RawHttpClient client(m_server->port());
        QVERIFY(client.connectToServer());
        client.send(
            "POST /e HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n");
        const auto interim = client.readHead();
        QVERIFY(interim);
        QCOMPARE(interim->status, 100);
        client.send("body");
        const auto response = client.readResponse();
        QVERIFY(response);
        QCOMPARE(response->body, QByteArray("body"));
    }

    void oversizedContentLengthIsRefusedUnread()
    {
        HttpServerOptions options;
        options.maxBodyBytes = 1024;
        startServer(options);
        RawHttpClient client(m_server->port());
        QVERIFY(client.connectToServer());
        // Only the head: the answer must come without the server waiting for the body.
        client.send("POST /big HTTP/1.1\r\nHost: t\r\nContent-Length: 5000\r\n\r\n");
        const auto response = client.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 413);
        QCOMPARE(response->header("content-type"), QByteArray("application/json"));
        const QJsonObject error = jsonOf(response->body);
        QCOMPARE(error.value("code").toString(), QStringLiteral("resource_exhausted"));
        QCOMPARE(error.value("message").toString(),
                 QStringLiteral("request body of 5000 bytes exceeds the limit of 1024 bytes"));
        QVERIFY(client.waitForDisconnected());
        QCOMPARE(m_handler->handledCount(), 0);
    }

    void oversizedChunkedBodyIsRefused()
    {
        HttpServerOptions options;
        options.maxBodyBytes = 1024;
        startServer(options);
        RawHttpClient client(m_server->port());
        QVERIFY(client.connectToServer());
        const QByteArray chunk(600, 'x');
        client.send("POST /big HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n258\r\n" +
                    chunk + "\r\n258\r\n" + chunk + "\r\n");
        const auto response = client.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 413);
        QCOMPARE(jsonOf(response->body).value("message").toString(),
                 QStringLiteral("request body of 1200 bytes exceeds the limit of 1024 bytes"));
        QVERIFY(client.waitForDisconnected());
        QCOMPARE(m_handler->handledCount(), 0);
    }

    void hugeHeaderSectionGets431()
    {
        HttpServerOptions options;
        options.maxHeaderBytes = 4096;
        startServer(options);
        RawHttpClient client(m_server->port());
        QVERIFY(client.connectToServer());
        client.send("GET / HTTP/1.1\r\nHost: t\r\nX-Big: " + QByteArray(8192, 'a') + "\r\n\r\n");
        const auto response = client.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 431);
        QCOMPARE(jsonOf(response->body).value("code").toString(),
                 QStringLiteral("resource_exhausted"));
        QVERIFY(client.waitForDisconnected());
    }

    void malformedRequestsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::newRow("garbage") << QByteArray("HELLO\r\n\r\n") << 400;
        QTest::newRow("binary") << QByteArray("\x16\x03\x01\x00\xa5\x01\r\n\r\n", 10) << 400;
        QTest::newRow("no target") << QByteArray("GET HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("relative target") << QByteArray("GET x HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("bad header") << QByteArray("GET / HTTP/1.1\r\nNo colon\r\n\r\n") << 400;
        QTest::newRow("space before colon")
            << QByteArray("GET / HTTP/1.1\r\nHost : t\r\n\r\n") << 400;
        QTest::newRow("folded header")
            << QByteArray("GET / HTTP/1.1\r\nX-A: 1\r\n  2\r\n\r\n") << 400;
        QTest::newRow("bare CR") << QByteArray("GET / HTTP/1.1\r\nX-A: 1\r2\r\n\r\n") << 400;
        QTest::newRow("two hosts")
            << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") << 400;
        QTest::newRow("length and chunked")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: "
                          "chunked\r\n\r\n0\r\n\r\n")
            << 400;
        QTest::newRow("bad length")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n") << 400;
        QTest::newRow("conflicting lengths")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1, 2\r\n\r\nab") << 400;
        QTest::newRow("bad chunk size")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << 400;
        QTest::newRow("gzip coding")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n") << 501;
        QTest::newRow("HTTP/2.0") << QByteArray("GET / HTTP/2.0\r\n\r\n") << 505;
        QTest::newRow("odd expectation")
            << QByteArray("POST / HTTP/1.1\r\nExpect: magic\r\nContent-Length: 1\r\n\r\nx") << 417;
    }

    void malformedRequestsAreRefused()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        startServer();
        RawHttpClient client(m_server->port());
        QVERIFY(client.connectToServer());
        client.send(request);
        const auto response = client.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, status);
        QCOMPARE(response->header("content-type"), QByteArray("application/json"));
        QVERIFY(!jsonOf(response->body).value("message").toString().isEmpty());
        QVERIFY(client.waitForDisconnected());
        QCOMPARE(m_handler->handledCount(), 0);

        // The server is unharmed.
        RawHttpClient next(m_server->port());
        QVERIFY(next.connectToServer());
        next.send(post("/ok", "fine"));
        const auto ok = next.readResponse();
        QVERIFY(ok);
        QCOMPARE(ok->body, QByteArray("fine"));
    }

    void droppedResponderGives500()
    {
        m_handler->onHandle = [](const HttpRequest& request, ResponderPtr responder) {
            if (request.path != "/forgotten")
                responder->respond(200, {}, request.body);
        };
        startServer();
        RawHttpClient client(m_server->port());
        QVERIFY(client.connectToServer());
        client.send(post("/forgotten", "x"));
        const auto response = client.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 500);
        QCOMPARE(jsonOf(response->body).value("code").toString(), QStringLiteral("internal"));
        // The connection stays usable.
        client.send(post("/next", "y"));
        const auto next = client.readResponse();
        QVERIFY(next);
        QCOMPARE(next->body, QByteArray("y"));
    }

    void throwingHandlerGives500()
    {
        m_handler->onHandle = [](const HttpRequest&, ResponderPtr) {
            throw std::runtime_error("boom");
        };
        startServer();
        RawHttpClient client(m_server->port());
        QVERIFY(client.connectToServer());
        client.send(post("/throws", "x"));
        const auto response = client.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 500);
    }

    void asyncAnswerFromAnotherThread()
    {
        m_handler->onHandle = [](const HttpRequest& request, ResponderPtr responder) {
            std::thread([responder, body = request.body] {
                responder->respond(201, {{"X-Async", "yes"}}, body + "!");
            }).detach();
        };
        startServer();
        RawHttpClient client(m_server->port());
        QVERIFY(client.connectToServer());
        client.send(post("/later", "done"));
        const auto response = client.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 201);
        QCOMPARE(response->header("x-async"), QByteArray("yes"));
        QCOMPARE(response->body, QByteArray("done!"));
    }

    void managedAndUnsafeResponseHeadersAreDropped()
    {
        m_handler->onHandle = [](const HttpRequest&, ResponderPtr responder) {
            responder->respond(200,
                               {{"Content-Length", "999"},
                                {"X-Split", "a\r\nSet-Cookie: evil=1"},
                                {"X-Fine", "ok"}},
                               "abc");
        };
        startServer();
        RawHttpClient client(m_server->port());
        QVERIFY(client.connectToServer());
        client.send(post("/h", ""));
        const auto response = client.readResponse();
        QVERIFY(response);
        QCOMPARE(response->header("content-length"), QByteArray("3"));
        QVERIFY(!response->headers.contains("x-split"));
        QVERIFY(!response->headers.contains("set-cookie"));
        QCOMPARE(response->header("x-fine"), QByteArray("ok"));
        QCOMPARE(response->body, QByteArray("abc"));
    }

    void idleConnectionIsClosed()
    {
        HttpServerOptions options;
        options.idleTimeout = std::chrono::milliseconds(200);
        startServer(options);
        RawHttpClient idle(m_server->port());
        QVERIFY(idle.connectToServer());
        QVERIFY(idle.waitForDisconnected(5000));

        // A head that never completes is answered 408 once the timeout passes.
        RawHttpClient partial(m_server->port());
        QVERIFY(partial.connectToServer());
        partial.send("GET / HTTP/1.1\r\nHost: t\r\n");
        const auto response = partial.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 408);
    }

    void networkAccessManagerInterop()
    {
        startServer();
        QNetworkAccessManager manager;
        const QUrl url(QStringLiteral("http://127.0.0.1:%1/pkg.S/M").arg(m_server->port()));
        for (int i = 0; i < 3; ++i) { // reuses the kept-alive connection
            QNetworkRequest request(url);
            request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
            std::unique_ptr<QNetworkReply> reply(manager.post(request, QByteArray("{\"i\":1}")));
            QSignalSpy finished(reply.get(), &QNetworkReply::finished);
            QVERIFY(finished.wait(5000));
            QCOMPARE(reply->error(), QNetworkReply::NoError);
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            QCOMPARE(reply->readAll(), QByteArray("{\"i\":1}"));
        }
    }

    void startFailsWhenPortIsTaken()
    {
        QTcpServer blocker;
        QVERIFY(blocker.listen(QHostAddress::LocalHost));
        HttpServerOptions options;
        options.port = blocker.serverPort();
        TestHandler handler;
        HttpServer server(options, &handler);
        QString error;
        QVERIFY(!server.start(&error));
        QVERIFY2(error.contains(QStringLiteral("127.0.0.1:%1").arg(blocker.serverPort())),
                 qPrintable(error));
        QVERIFY(!server.isRunning());
    }

    void startAndStopWorkWithoutEventLoop()
    {
        TestHandler handler;
        HttpServer server(HttpServerOptions{}, &handler);
        bool started = false;
        std::thread([&] { started = server.start(); }).join();
        QVERIFY(started);
        RawHttpClient client(server.port());
        QVERIFY(client.connectToServer());
        client.send(post("/t", "from a plain thread"));
        const auto response = client.readResponse();
        QVERIFY(response);
        QCOMPARE(response->body, QByteArray("from a plain thread"));
        std::thread([&] { server.stop(); }).join();
        QVERIFY(!server.isRunning());
        QVERIFY(client.waitForDisconnected());
        // Restartable.
        QVERIFY(server.start());
        QVERIFY(server.port() != 0);
    }
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "test_http_server.moc"
