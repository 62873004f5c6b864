// The pure parsing pieces of builder_http: request heads and chunked bodies.
#include "http/ChunkedBodyDecoder.h"
#include "http/RequestHeadParser.h"

#include <QtTest>

using namespace builder::http;

class TestHttpParsing : public QObject
{
    Q_OBJECT

private slots:
    void findsTheEndOfAHead()
    {
        QCOMPARE(RequestHeadParser::findHeadEnd("GET / HTTP/1.1\r\nA: b\r\n\r\nBODY"), 24);
        QCOMPARE(RequestHeadParser::findHeadEnd("GET / HTTP/1.1\nA: b\n\nBODY"), 21);
        QCOMPARE(RequestHeadParser::findHeadEnd("GET / HTTP/1.1\r\nA: b\r\n"), -1);
        QCOMPARE(RequestHeadParser::findHeadEnd("GET / HTTP/1.1\r\nA: b\r\n\r"), -1);
    }

    void parsesARequestHead()
    {
        RequestHeadParser parser;
        QVERIFY(parser.parse("POST /a.B/C?x=1&y=%2F HTTP/1.1\r\nHost: h\r\nX-Multi: 1\r\n"
                             "x-multi: 2\r\nEmpty:\r\n\r\n"));
        const HttpRequest& request = parser.request();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.path, QByteArray("/a.B/C"));
        QCOMPARE(request.query.queryItemValue("y", QUrl::FullyDecoded), QStringLiteral("/"));
        QCOMPARE(request.header("x-multi"), QByteArray("1, 2"));
        QVERIFY(request.headers.contains("empty"));
        QCOMPARE(parser.minorVersion(), 1);
    }

    void acceptsAbsoluteFormTargets()
    {
        RequestHeadParser parser;
        QVERIFY(parser.parse("GET http://example.com:80/health?full=1 HTTP/1.0\r\n\r\n"));
        QCOMPARE(parser.request().path, QByteArray("/health"));
        QCOMPARE(parser.request().query.queryItemValue("full"), QStringLiteral("1"));
        QCOMPARE(parser.minorVersion(), 0);
        QVERIFY(parser.parse("GET http://example.com HTTP/1.1\r\n\r\n"));
        QCOMPARE(parser.request().path, QByteArray("/"));
    }

    void rejectsMalformedHeads_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<int>("status");
        QTest::newRow("empty") << QByteArray("\r\n\r\n") << 400;
        QTest::newRow("two spaces") << QByteArray("GET  / HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("control in target") << QByteArray("GET /\x01 HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("lower-case version") << QByteArray("GET / http/1.1\r\n\r\n") << 400;
        QTest::newRow("HTTP/3.0") << QByteArray("GET / HTTP/3.0\r\n\r\n") << 505;
        QTest::newRow("NUL in value")
            << QByteArray("GET / HTTP/1.1\r\nA: x") + '\0' + QByteArray("y\r\n\r\n") << 400;
        QTest::newRow("empty name") << QByteArray("GET / HTTP/1.1\r\n: v\r\n\r\n") << 400;
        QTest::newRow("bad method") << QByteArray("G(T / HTTP/1.1\r\n\r\n") << 400;
    }

    void rejectsMalformedHeads()
    {
        QFETCH(QByteArray, head);
        QFETCH(int, status);
        RequestHeadParser parser;
        QVERIFY(!parser.parse(head));
        QCOMPARE(parser.errorStatus(), status);
        QVERIFY(!parser.errorMessage().isEmpty());
    }

    void decodesChunksFedByteByByte()
    {
        // Mimics the connection: peek everything, drop what was consumed, wait for more.
        const QByteArray wire = "4\r\nWiki\r\n5;name=v\r\npedia\r\nE\r\n in\r\n\r\nchunks."
                                "\r\n0\r\nTrailer: 1\r\n\r\nGET /next";
        ChunkedBodyDecoder decoder(1024, 1024);
        QByteArray body;
        QByteArray pending;
        qsizetype consumedTotal = 0;
        for (char c : wire) {
            pending.append(c);
            const qsizetype consumed = decoder.feed(pending, body);
            pending.remove(0, consumed);
            consumedTotal += consumed;
            if (decoder.status() != ChunkedBodyDecoder::Status::NeedMore)
                break;
        }
        QCOMPARE(decoder.status(), ChunkedBodyDecoder::Status::Done);
        QCOMPARE(body, QByteArray("Wikipedia in\r\n\r\nchunks."));
        QCOMPARE(wire.mid(consumedTotal), QByteArray("GET /next")); // nothing read past the end
    }

    void reportsTheAttemptedSizeWhenTooLarge()
    {
        ChunkedBodyDecoder decoder(10, 1024);
        QByteArray body;
        decoder.feed("8\r\n12345678\r\n8\r\n", body);
        QCOMPARE(decoder.status(), ChunkedBodyDecoder::Status::TooLarge);
        QCOMPARE(decoder.attemptedBodyBytes(), 16);
    }

    void rejectsMalformedChunks_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<int>("status");
        const int malformed = int(ChunkedBodyDecoder::Status::Malformed);
        QTest::newRow("no digits") << QByteArray(";x\r\n") << malformed;
        QTest::newRow("junk after size") << QByteArray("5 x\r\n") << malformed;
        QTest::newRow("huge size") << QByteArray("10000000000000000\r\n") << malformed;
        QTest::newRow("data too long") << QByteArray("1\r\nab\r\n") << malformed;
        QTest::newRow("endless size line") << QByteArray(5000, '1') << malformed;
        QTest::newRow("big trailers") << QByteArray("0\r\nX: " + QByteArray(2000, 'a') + "\r\n\r\n")
                                      << int(ChunkedBodyDecoder::Status::TrailersTooLarge);
    }

    void rejectsMalformedChunks()
    {
        QFETCH(QByteArray, wire);
        QFETCH(int, status);
        ChunkedBodyDecoder decoder(1 << 20, 1024);
        QByteArray body;
        decoder.feed(wire, body);
        QCOMPARE(int(decoder.status()), status);
    }
};

QTEST_GUILESS_MAIN(TestHttpParsing)
#include "test_http_parsing.moc"
