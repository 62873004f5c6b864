// Retries, backoff, Retry-After, authentication failures, broken responses, timeouts and
// cancellation, against the fake vendor server.
#include "LlmTestSupport.h"

#include "llm/RetryPolicy.h"

#include <QElapsedTimer>
#include <QSslSocket>
#include <QTest>
#include <QTimeZone>

#include <atomic>
#include <thread>

using namespace builder;
using namespace builder::llm;
using namespace builder::llm::test;
using common::StatusCode;
using fakes::FakeLlmServer;
using fakes::FakeReply;

class TestLlmRetry : public QObject
{
    Q_OBJECT

private:
    FakeLlmServer m_server;

    static QString message(const common::Result<CompletionResponse>& r)
    {
        return r.ok() ? QString("ok: ") + QString::fromStdString(r->text)
                      : QString::fromStdString(r.error().message());
    }

    void addKinds()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("anthropic") << "anthropic";
        QTest::newRow("openai") << "openai";
        QTest::newRow("gemini") << "gemini";
    }

private slots:
    void initTestCase()
    {
        m_server.setApiKey(kKey);
        QVERIFY(m_server.start());
    }
    void init() { m_server.clearRequests(); }

    void retryAfterIsHonoured()
    {
        auto provider = makeProvider("anthropic", fakeEndpoint(m_server, "anthropic"));
        m_server.enqueue(FakeReply::rateLimited(1));
        m_server.enqueue(FakeReply::answer("after the wait"));
        QElapsedTimer clock;
        clock.start();
        auto result = provider->complete(simpleRequest(), {});
        const qint64 waited = clock.elapsed();
        QVERIFY2(result.ok(), qPrintable(message(result)));
        QCOMPARE(result->attempts, 2);
        QCOMPARE(result->text, std::string("after the wait"));
        QVERIFY2(waited >= 1000, qPrintable(QString::number(waited)));
        QVERIFY(result->latencyMs >= 1000);
        QCOMPARE(m_server.requestCount(), std::size_t(2));
    }

    void serverErrorThenSuccess_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("overloaded");
        QTest::newRow("anthropic 500") << "anthropic" << false;
        QTest::newRow("anthropic 529") << "anthropic" << true;
        QTest::newRow("openai 500") << "openai" << false;
        QTest::newRow("gemini 503") << "gemini" << true;
    }
    void serverErrorThenSuccess()
    {
        QFETCH(QString, kind);
        QFETCH(bool, overloaded);
        auto provider =
            makeProvider(kind.toStdString(), fakeEndpoint(m_server, kind.toStdString()));
        m_server.enqueue(overloaded ? FakeReply::overloaded() : FakeReply::serverError());
        m_server.enqueue(FakeReply::answer("fine now"));
        auto result = provider->complete(simpleRequest(), {});
        QVERIFY2(result.ok(), qPrintable(message(result)));
        QCOMPARE(result->attempts, 2);
        QCOMPARE(result->text, std::string("fine now"));
    }

    void retriesExhaustedIsUnavailable()
    {
        auto settings = fakeEndpoint(m_server, "openai");
        settings.retry.maxAttempts = 3;
        auto provider = makeProvider("openai", settings);
        for (int i = 0; i < 3; ++i)
            m_server.enqueue(FakeReply::serverError());
        m_server.enqueue(FakeReply::answer("too late"));
        auto result = provider->complete(simpleRequest(), {});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), StatusCode::Unavailable);
        QVERIFY2(result.error().message().find("gave up after 3 attempts") != std::string::npos,
                 qPrintable(message(result)));
        QCOMPARE(m_server.requestCount(), std::size_t(3));
        m_server.setResponder({});
        auto drained = provider->complete(simpleRequest(), {}); // takes "too late"
        QVERIFY(drained.ok());
    }

    void wrongKeyIsUnauthenticatedWithoutRetry_data() { addKinds(); }
    void wrongKeyIsUnauthenticatedWithoutRetry()
    {
        QFETCH(QString, kind);
        const std::string wrong = "sk-wrong-key-abcdef0123456789";
        auto provider =
            makeProvider(kind.toStdString(), fakeEndpoint(m_server, kind.toStdString(), wrong));
        auto result = provider->complete(simpleRequest(), {});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), StatusCode::Unauthenticated);
        QCOMPARE(m_server.requestCount(), std::size_t(1));
        const std::string text = result.error().message();
        QVERIFY2(text.find(wrong) == std::string::npos, text.c_str());
        QVERIFY2(text.find(wrong.substr(wrong.size() - 4)) == std::string::npos, text.c_str());
        QVERIFY2(text.find("_API_KEY") != std::string::npos, text.c_str()); // names the setting
    }

    void missingKeyIsUnauthenticated_data() { addKinds(); }
    void missingKeyIsUnauthenticated()
    {
        QFETCH(QString, kind);
        auto provider =
            makeProvider(kind.toStdString(), fakeEndpoint(m_server, kind.toStdString(), ""));
        auto result = provider->complete(simpleRequest(), {});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), StatusCode::Unauthenticated);
        QCOMPARE(m_server.requestCount(), std::size_t(1));
    }

    void brokenResponsesAreErrors_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("reply"); // 0 malformed, 1 truncated, 2 disconnect
        QTest::addColumn<QString>("expected");
        QTest::newRow("anthropic malformed") << "anthropic" << 0 << "malformed response";
        QTest::newRow("openai malformed") << "openai" << 0 << "malformed response";
        QTest::newRow("gemini truncated") << "gemini" << 1 << "failed";
        QTest::newRow("anthropic truncated") << "anthropic" << 1 << "failed";
        QTest::newRow("openai disconnect") << "openai" << 2 << "failed";
    }
    void brokenResponsesAreErrors()
    {
        QFETCH(QString, kind);
        QFETCH(int, reply);
        QFETCH(QString, expected);
        auto settings = fakeEndpoint(m_server, kind.toStdString());
        settings.retry.maxAttempts = 2;
        auto provider = makeProvider(kind.toStdString(), settings);
        auto broken = [&] {
            return reply == 0   ? FakeReply::malformed()
                   : reply == 1 ? FakeReply::truncated()
                                : FakeReply::disconnect();
        };
        // Qt itself resends once when a reused connection closes before any answer, so the
        // server may see more requests than the provider made attempts.
        m_server.setResponder([&](const fakes::FakeRequest&) { return broken(); });
        auto result = provider->complete(simpleRequest(), {});
        m_server.setResponder({});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), StatusCode::Unavailable);
        QVERIFY2(QString::fromStdString(result.error().message()).contains(expected),
                 qPrintable(message(result)));
        QVERIFY(m_server.requestCount() >= 2);

        // One broken answer, then a good one: retried and fine.
        m_server.enqueue(broken());
        m_server.enqueue(FakeReply::answer("whole"));
        auto retried = provider->complete(simpleRequest(), {});
        QVERIFY2(retried.ok(), qPrintable(message(retried)));
        QCOMPARE(retried->text, std::string("whole"));
    }

    void timeoutIsDeadlineExceeded()
    {
        auto settings = fakeEndpoint(m_server, "anthropic");
        settings.timeout = std::chrono::milliseconds(300);
        auto provider = makeProvider("anthropic", settings);
        m_server.enqueue(FakeReply::answer("slow").after(std::chrono::seconds(20)));
        QElapsedTimer clock;
        clock.start();
        auto result = provider->complete(simpleRequest(), {});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), StatusCode::DeadlineExceeded);
        QVERIFY(clock.elapsed() < 3000);
        QCOMPARE(m_server.requestCount(), std::size_t(1)); // a timeout is not retried here
    }

    void cancelDuringSlowResponse_data() { addKinds(); }
    void cancelDuringSlowResponse()
    {
        QFETCH(QString, kind);
        auto provider =
            makeProvider(kind.toStdString(), fakeEndpoint(m_server, kind.toStdString()));
        m_server.enqueue(FakeReply::answer("slow").after(std::chrono::seconds(20)));
        common::CancelToken token;
        std::atomic<int> code{-1};
        std::atomic<qint64> returnedAt{0};
        QElapsedTimer clock;
        clock.start();
        std::jthread worker([&] {
            auto result = provider->complete(simpleRequest(), token);
            returnedAt = clock.elapsed();
            code = result.ok() ? 0 : int(result.error().code());
        });
        QVERIFY(m_server.waitForRequests(1, std::chrono::seconds(10)));
        const qint64 cancelledAt = clock.elapsed();
        token.cancel();
        worker.join();
        QCOMPARE(code.load(), int(StatusCode::Cancelled));
        QVERIFY2(returnedAt - cancelledAt < 500,
                 qPrintable(QString::number(returnedAt - cancelledAt)));
    }

    void cancelDuringBackoffWait()
    {
        FakeLlmServer server; // its own, to count disconnects from zero
        server.setApiKey(kKey);
        QVERIFY(server.start());
        auto provider = makeProvider("openai", fakeEndpoint(server, "openai"));
        server.enqueue(FakeReply::rateLimited(30));
        common::CancelToken token;
        std::atomic<int> code{-1};
        std::atomic<qint64> returnedAt{0};
        QElapsedTimer clock;
        clock.start();
        std::jthread worker([&] {
            auto result = provider->complete(simpleRequest(), token);
            returnedAt = clock.elapsed();
            code = result.ok() ? 0 : int(result.error().code());
        });
        // Each attempt has its own connection: once it closed, the client has the 429 and
        // is waiting the 30 s it was told to.
        QVERIFY(server.waitForDisconnects(1, std::chrono::seconds(10)));
        const qint64 cancelledAt = clock.elapsed();
        token.cancel(common::Error(StatusCode::Cancelled, "user cancelled the feature"));
        worker.join();
        QCOMPARE(code.load(), int(StatusCode::Cancelled));
        QVERIFY(returnedAt - cancelledAt < 500);
        QCOMPARE(server.requestCount(), std::size_t(1));
    }

    void alreadyCancelledSendsNothing()
    {
        auto provider = makeProvider("gemini", fakeEndpoint(m_server, "gemini"));
        common::CancelToken token;
        token.cancel();
        auto result = provider->complete(simpleRequest(), token);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), StatusCode::Cancelled);
        QCOMPARE(m_server.requestCount(), std::size_t(0));
    }

    void retryAfterTooLongFailsAtOnce()
    {
        auto provider = makeProvider("anthropic", fakeEndpoint(m_server, "anthropic"));
        m_server.enqueue(FakeReply::rateLimited(3600));
        QElapsedTimer clock;
        clock.start();
        auto result = provider->complete(simpleRequest(), {});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), StatusCode::Unavailable);
        QVERIFY(result.error().message().find("retry after 3600 s") != std::string::npos);
        QVERIFY(clock.elapsed() < 2000);
    }

    void insufficientQuotaIsNotRetried()
    {
        auto provider = makeProvider("openai", fakeEndpoint(m_server, "openai"));
        m_server.enqueue(
            FakeReply::error(429, "insufficient_quota", "You exceeded your current quota."));
        auto result = provider->complete(simpleRequest(), {});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), StatusCode::Unavailable);
        QCOMPARE(m_server.requestCount(), std::size_t(1));
    }

    void connectionRefusedIsUnavailable()
    {
        FakeLlmServer gone;
        QVERIFY(gone.start());
        auto settings = fakeEndpoint(gone, "anthropic");
        gone.stop();
        settings.retry.maxAttempts = 2;
        auto result = makeProvider("anthropic", settings)->complete(simpleRequest(), {});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), StatusCode::Unavailable);
        QVERIFY(result.error().message().find("gave up after 2 attempts") != std::string::npos);
    }

    // An https base URL goes through Qt's TLS backend: against a plain-HTTP server the
    // handshake fails, reported as Unavailable.
    void httpsUsesTls()
    {
        QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend (OpenSSL plugin missing)");
        auto settings = fakeEndpoint(m_server, "anthropic");
        settings.baseUrl = "https://127.0.0.1:" + std::to_string(m_server.port());
        settings.retry.maxAttempts = 1;
        auto result = makeProvider("anthropic", settings)->complete(simpleRequest(), {});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), StatusCode::Unavailable);
        QVERIFY2(
            QString::fromStdString(result.error().message()).contains("SSL", Qt::CaseInsensitive) ||
                QString::fromStdString(result.error().message())
                    .contains("TLS", Qt::CaseInsensitive),
            result.error().message().c_str());
    }

    void serverDelayParsing_data()
    {
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<QByteArray>("retryAfterMs");
        QTest::addColumn<qint64>("expected"); // -1 = none
        QTest::newRow("seconds") << QByteArray("3") << QByteArray() << qint64(3000);
        QTest::newRow("ms wins") << QByteArray("3") << QByteArray("250") << qint64(250);
        QTest::newRow("imf date") << QByteArray("Wed, 21 Oct 2015 07:28:10 GMT") << QByteArray()
                                  << qint64(10000);
        QTest::newRow("rfc850 date")
            << QByteArray("Wednesday, 21-Oct-15 07:28:05 GMT") << QByteArray() << qint64(5000);
        QTest::newRow("asctime") << QByteArray("Wed Oct 21 07:28:02 2015") << QByteArray()
                                 << qint64(2000);
        QTest::newRow("past date")
            << QByteArray("Wed, 21 Oct 2015 07:00:00 GMT") << QByteArray() << qint64(0);
        QTest::newRow("garbage") << QByteArray("soon") << QByteArray() << qint64(-1);
        QTest::newRow("negative") << QByteArray("-5") << QByteArray() << qint64(-1);
        QTest::newRow("absent") << QByteArray() << QByteArray() << qint64(-1);
    }
    void serverDelayParsing()
    {
        QFETCH(QByteArray, retryAfter);
        QFETCH(QByteArray, retryAfterMs);
        QFETCH(qint64, expected);
        const QDateTime now(QDate(2015, 10, 21), QTime(7, 28, 0), QTimeZone::utc());
        const auto delay = RetryPolicy::serverDelay(retryAfter, retryAfterMs, now);
        if (expected < 0)
            QVERIFY(!delay.has_value());
        else
            QCOMPARE(delay.value_or(std::chrono::milliseconds(-99)).count(), expected);
    }

    void backoffGrowsWithinBounds()
    {
        RetryPolicy policy;
        policy.baseDelay = std::chrono::milliseconds(100);
        policy.maxDelay = std::chrono::milliseconds(1000);
        for (int i = 0; i < 50; ++i) {
            const auto first = policy.backoff(1).count();
            QVERIFY(first >= 50 && first <= 100);
            const auto third = policy.backoff(3).count();
            QVERIFY(third >= 200 && third <= 400);
            QVERIFY(policy.backoff(30).count() <= 1000);
        }
        QVERIFY(RetryPolicy::isRetryableStatus(429));
        QVERIFY(RetryPolicy::isRetryableStatus(529));
        QVERIFY(!RetryPolicy::isRetryableStatus(401));
        QVERIFY(!RetryPolicy::isRetryableStatus(400));
    }

    void cleanupTestCase() { m_server.stop(); }
};

QTEST_GUILESS_MAIN(TestLlmRetry)
#include "test_llm_retry.moc"
