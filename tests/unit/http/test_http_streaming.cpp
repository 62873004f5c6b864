// Streamed (chunked) responses: cross-thread writers, disconnects, back-pressure, shutdown.
#include "RawHttpClient.h"
#include "TestHandler.h"
#include "http/HttpServer.h"

#include <QtEndian>
#include <QtTest>

#include <condition_variable>
#include <memory>
#include <thread>

using namespace builder::http;
using namespace builder::http::test;

namespace {

// A Connect streaming envelope: flag byte, 4-byte big-endian length, payload.
QByteArray envelope(const QByteArray& payload, quint8 flags = 0)
{
    QByteArray out(5, '\0');
    out[0] = char(flags);
    qToBigEndian<quint32>(quint32(payload.size()), out.data() + 1);
    return out + payload;
}

QList<QByteArray> unwrapEnvelopes(QByteArray data)
{
    QList<QByteArray> payloads;
    while (data.size() >= 5) {
        const quint32 size = qFromBigEndian<quint32>(data.constData() + 1);
        payloads.append(data.mid(5, size));
        data.remove(0, 5 + size);
    }
    return payloads;
}

const QByteArray kStreamRequest = "POST /pkg.Service/Watch HTTP/1.1\r\nHost: t\r\n"
                                  "Content-Type: application/connect+json\r\nContent-Length: 2\r\n"
                                  "\r\n{}";

} // namespace

class TestHttpStreaming : public QObject
{
    Q_OBJECT

private:
    // Hooks go on m_handler before this: the server's threads read them.
    void startServer(HttpServerOptions options = {})
    {
        m_server = std::make_unique<HttpServer>(options, m_handler.get());
        QVERIFY(m_server->start());
    }

    std::unique_ptr<TestHandler> m_handler;
    std::unique_ptr<HttpServer> m_server;

private slots:
    void init()
    {
        m_handler = std::make_unique<TestHandler>();
        // Streams start on the I/O thread (plain requests are echoed); the test drives them.
        m_handler->onHandle = [handler = m_handler.get()](const HttpRequest& request,
                                                          ResponderPtr responder) {
            if (request.method == "GET") {
                responder->respond(200, {{"X-Path", request.path}}, {});
                return;
            }
            responder->beginStream(200, {{"Content-Type", "application/connect+json"}});
            handler->keep(std::move(responder));
        };
    }

    void cleanup()
    {
        m_server.reset();
        m_handler.reset();
    }

    void chunksFromAnotherThreadArriveInOrder()
    {
        startServer();
        RawHttpClient client(m_server->port());
        QVERIFY(client.connectToServer());
        client.send(kStreamRequest);
        auto head = client.readHead();
        QVERIFY(head);
        QCOMPARE(head->status, 200);
        QVERIFY(head->chunked);
        QVERIFY(head->header("content-length").isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(m_handler->kept().size(), 1, 5000);

        constexpr int kMessages = 200;
        const ResponderPtr responder = m_handler->kept().constFirst();
        std::thread producer([responder] {
            for (int i = 0; i < kMessages; ++i)
                responder->writeChunk(envelope("{\"n\":" + QByteArray::number(i) + "}"));
            responder->writeChunk(envelope("{}", 0x02)); // end-of-stream envelope
            responder->endStream();
        });
        QVERIFY(client.readBody(*head, 10000));
        producer.join();

        const QList<QByteArray> payloads = unwrapEnvelopes(head->body);
        QCOMPARE(payloads.size(), kMessages + 1);
        for (int i = 0; i < kMessages; ++i)
            QCOMPARE(payloads[i], "{\"n\":" + QByteArray::number(i) + "}");
        QCOMPARE(quint8(head->body[head->body.size() - 7]), quint8(0x02));
        QTRY_VERIFY_WITH_TIMEOUT(responder->isClosed(), 5000);

        // The connection is kept alive after the stream ends.
        client.send("GET /after HTTP/1.1\r\nHost: t\r\n\r\n");
        const auto after = client.readResponse();
        QVERIFY(after);
        QCOMPARE(after->header("x-path"), QByteArray("/after"));
    }

    void clientDisconnectFiresOnClosed()
    {
        startServer();
        RawHttpClient client(m_server->port());
        QVERIFY(client.connectToServer());
        client.send(kStreamRequest);
        QTRY_COMPARE_WITH_TIMEOUT(m_handler->kept().size(), 1, 5000);
        const ResponderPtr responder = m_handler->kept().constFirst();
        auto closedCount = std::make_shared<std::atomic<int>>(0);
        responder->setOnClosed([closedCount] { ++*closedCount; });
        responder->writeChunk(envelope("{\"first\":true}"));
        QVERIFY(client.readHead());
        const auto chunk = client.readChunk();
        QVERIFY(chunk);
        QCOMPARE(unwrapEnvelopes(*chunk).value(0), QByteArray("{\"first\":true}"));

        client.socket().abort();
        QTRY_COMPARE_WITH_TIMEOUT(closedCount->load(), 1, 5000);
        QVERIFY(responder->isClosed());
        // Late calls are harmless, and the callback never fires twice.
        responder->writeChunk("ignored");
        responder->endStream();
        QCOMPARE(responder->pendingBytes(), 0);
        int lateCalls = 0;
        responder->setOnClosed([&lateCalls] { ++lateCalls; });
        QCOMPARE(lateCalls, 0);
        QCOMPARE(closedCount->load(), 1);
    }

    void backPressureBoundsPendingBytes()
    {
        startServer();
        RawHttpClient client(m_server->port());
        QVERIFY(client.connectToServer());
        // A client that reads nothing until told to: socket buffers fill up, then ours.
        client.socket().setReadBufferSize(16 * 1024);
        client.send(kStreamRequest);
        QTRY_COMPARE_WITH_TIMEOUT(m_handler->kept().size(), 1, 5000);
        const ResponderPtr responder = m_handler->kept().constFirst();

        constexpr qint64 kHighWater = 256 * 1024;
        constexpr qint64 kTotal = 48LL * 1024 * 1024;
        const QByteArray chunk(64 * 1024, 'z');
        std::mutex mutex;
        std::condition_variable drained;
        responder->setOnDrained([&] {
            {
                std::lock_guard lock(mutex);
            } // no lost wake-up between check and wait
            drained.notify_all();
        });
        std::atomic<bool> backedOff{false};
        std::atomic<qint64> maxPending{0};
        std::atomic<bool> producerFailed{false};
        std::thread producer([&] {
            for (qint64 sent = 0; sent < kTotal; sent += chunk.size()) {
                std::unique_lock lock(mutex);
                while (responder->pendingBytes() > kHighWater) {
                    backedOff = true;
                    if (!drained.wait_for(lock, std::chrono::seconds(20), [&] {
                            return responder->pendingBytes() <= kHighWater;
                        })) {
                        producerFailed = true;
                        return;
                    }
                }
                lock.unlock();
                responder->writeChunk(chunk);
                maxPending = std::max(maxPending.load(), responder->pendingBytes());
            }
            responder->endStream();
        });
        QTRY_VERIFY_WITH_TIMEOUT(backedOff.load(), 20000);

        // Now drain everything; the producer resumes on the drained callbacks.
        client.socket().setReadBufferSize(0);
        auto head = client.readHead(20000);
        QVERIFY(head);
        QVERIFY(client.readBody(*head, 60000));
        producer.join();
        QVERIFY(!producerFailed.load());
        QCOMPARE(head->body.size(), kTotal);
        QVERIFY2(maxPending.load() <= kHighWater + chunk.size() + 64,
                 qPrintable(QString::number(maxPending.load())));
    }

    void droppedStreamAbortsConnection()
    {
        // The handler writes a little and loses its responder without endStream().
        m_handler->onHandle = [](const HttpRequest&, ResponderPtr responder) {
            responder->beginStream(200, {});
            responder->writeChunk("partial");
        };
        startServer();
        RawHttpClient client(m_server->port());
        QVERIFY(client.connectToServer());
        client.send(kStreamRequest);
        const auto head = client.readHead();
        QVERIFY(head);
        QCOMPARE(client.readChunk(), std::optional<QByteArray>("partial"));
        // No terminating chunk: the connection is cut instead, so the client knows.
        QVERIFY(!client.readChunk());
        QVERIFY(client.waitForDisconnected());
    }

    void stopClosesOpenStreams()
    {
        startServer();
        constexpr int kStreams = 5;
        std::vector<std::unique_ptr<RawHttpClient>> clients;
        for (int i = 0; i < kStreams; ++i) {
            clients.push_back(std::make_unique<RawHttpClient>(m_server->port()));
            QVERIFY(clients.back()->connectToServer());
            clients.back()->send(kStreamRequest);
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_handler->kept().size(), kStreams, 5000);
        auto closed = std::make_shared<std::atomic<int>>(0);
        HttpServer* server = m_server.get();
        for (const ResponderPtr& responder : m_handler->kept()) {
            responder->setOnClosed([closed, server] {
                server->port(); // the server is usable (no deadlock) from callbacks during stop()
                ++*closed;
            });
        }

        m_server->stop();
        QCOMPARE(closed->load(), kStreams); // every callback has run when stop() returns
        for (const ResponderPtr& responder : m_handler->kept()) {
            QVERIFY(responder->isClosed());
            responder->writeChunk("after stop"); // harmless
        }
        for (auto& client : clients)
            QVERIFY(client->waitForDisconnected());
    }

    void http10StreamIsCloseDelimited()
    {
        startServer();
        RawHttpClient client(m_server->port());
        QVERIFY(client.connectToServer());
        client.send("POST /pkg.Service/Watch HTTP/1.0\r\nContent-Length: 0\r\n\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(m_handler->kept().size(), 1, 5000);
        const ResponderPtr responder = m_handler->kept().constFirst();
        responder->writeChunk("one,");
        responder->writeChunk("two");
        responder->endStream();
        const auto response = client.readResponse();
        QVERIFY(response);
        QVERIFY(!response->chunked);
        QCOMPARE(response->header("connection"), QByteArray("close"));
        QCOMPARE(response->body, QByteArray("one,two"));
    }

    void hundredsOfConcurrentStreams()
    {
        HttpServerOptions options;
        options.ioThreads = 2;
        startServer(options);
        constexpr int kStreams = 300;
        std::vector<std::unique_ptr<RawHttpClient>> clients;
        for (int i = 0; i < kStreams; ++i) {
            clients.push_back(std::make_unique<RawHttpClient>(m_server->port()));
            QVERIFY(clients.back()->connectToServer());
            clients.back()->send(kStreamRequest);
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_handler->kept().size(), kStreams, 20000);
        std::thread producer([responders = m_handler->kept()] {
            for (int round = 0; round < 3; ++round) {
                for (const ResponderPtr& responder : responders)
                    responder->writeChunk(
                        envelope("{\"round\":" + QByteArray::number(round) + "}"));
            }
            for (const ResponderPtr& responder : responders)
                responder->endStream();
        });
        for (auto& client : clients) {
            auto response = client->readResponse(20000);
            QVERIFY(response);
            QCOMPARE(unwrapEnvelopes(response->body).size(), 3);
        }
        producer.join();
    }
};

QTEST_GUILESS_MAIN(TestHttpStreaming)
#include "test_http_streaming.moc"
