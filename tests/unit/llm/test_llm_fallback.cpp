// The fallback chain: which errors move to the next provider, which stop it.
#include "LlmTestSupport.h"
#include "ScriptedProvider.h"

#include "llm/FallbackChain.h"

#include <QTest>

using namespace builder;
using namespace builder::llm;
using namespace builder::llm::test;
using common::StatusCode;
using fakes::FakeLlmServer;
using fakes::FakeReply;

class TestLlmFallback : public QObject
{
    Q_OBJECT

private slots:
    void movesOnlyOnReachabilityAndKeyErrors_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<bool>("moves");
        QTest::newRow("unavailable") << int(StatusCode::Unavailable) << true;
        QTest::newRow("deadline") << int(StatusCode::DeadlineExceeded) << true;
        QTest::newRow("unauthenticated") << int(StatusCode::Unauthenticated) << true;
        QTest::newRow("cancelled") << int(StatusCode::Cancelled) << false;
        QTest::newRow("invalid argument") << int(StatusCode::InvalidArgument) << false;
        QTest::newRow("failed precondition") << int(StatusCode::FailedPrecondition) << false;
    }
    void movesOnlyOnReachabilityAndKeyErrors()
    {
        QFETCH(int, code);
        QFETCH(bool, moves);
        auto first = std::make_shared<ScriptedProvider>("first");
        auto second = std::make_shared<ScriptedProvider>("second");
        first->addError(StatusCode(code), "first failed");
        second->addText("from second");
        FallbackChain chain({first, second});
        QCOMPARE(chain.name(), std::string("first>second"));
        auto result = chain.complete(simpleRequest(), {});
        QCOMPARE(second->requests().size(), std::size_t(moves ? 1 : 0));
        if (moves) {
            QVERIFY(result.ok());
            QCOMPARE(result->text, std::string("from second"));
            QCOMPARE(result->provider, std::string("second"));
        } else {
            QVERIFY(!result.ok());
            QCOMPARE(int(result.error().code()), code);
            QCOMPARE(result.error().message(), std::string("first failed"));
        }
    }

    void allFailingKeepsTheMostHopefulCode()
    {
        auto first = std::make_shared<ScriptedProvider>("first");
        auto second = std::make_shared<ScriptedProvider>("second");
        first->addError(StatusCode::Unavailable, "first: HTTP 503");
        second->addError(StatusCode::Unauthenticated, "second rejected the API key");
        FallbackChain chain({first, second});
        auto result = chain.complete(simpleRequest(), {});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), StatusCode::Unavailable);
        QVERIFY(result.error().message().find("first: HTTP 503") != std::string::npos);
        QVERIFY(result.error().message().find("second rejected") != std::string::npos);
    }

    void cancelledTokenStopsTheChain()
    {
        auto first = std::make_shared<ScriptedProvider>("first");
        auto second = std::make_shared<ScriptedProvider>("second");
        first->addError(StatusCode::Unavailable, "down");
        second->addText("never");
        common::CancelToken token;
        token.cancel();
        FallbackChain chain({first, second});
        auto result = chain.complete(simpleRequest(), token);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), StatusCode::Cancelled);
        QCOMPARE(second->requests().size(), std::size_t(0));
    }

    void emptyChainIsFailedPrecondition()
    {
        FallbackChain chain({});
        auto result = chain.complete(simpleRequest(), {});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), StatusCode::FailedPrecondition);
    }

    // Real providers on the wire: Anthropic's key is refused, OpenAI answers.
    void secondVendorAnswersOnTheWire()
    {
        FakeLlmServer server;
        server.setApiKey(kKey);
        QVERIFY(server.start());
        auto anthropic =
            makeProvider("anthropic", fakeEndpoint(server, "anthropic", "sk-ant-revoked"));
        auto openai = makeProvider("openai", fakeEndpoint(server, "openai"));
        server.enqueue(FakeReply::answer("openai here"));
        FallbackChain chain({anthropic, openai});
        auto result = chain.complete(simpleRequest(), {});
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message().c_str());
        QCOMPARE(result->provider, std::string("openai"));
        QCOMPARE(result->text, std::string("openai here"));
        const auto requests = server.requests();
        QCOMPARE(requests.size(), std::size_t(2));
        QCOMPARE(requests[0].kind, fakes::FakeProviderKind::Anthropic);
        QCOMPARE(requests[1].kind, fakes::FakeProviderKind::OpenAi);
    }
};

QTEST_GUILESS_MAIN(TestLlmFallback)
#include "test_llm_fallback.moc"
