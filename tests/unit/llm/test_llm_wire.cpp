// Each provider's request on the wire (headers, JSON fields) and the parsing of its answer,
// against the fake vendor server on loopback.
#include "LlmTestSupport.h"

#include "llm/JsonText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <thread>

using namespace builder;
using namespace builder::llm;
using namespace builder::llm::test;
using fakes::FakeLlmServer;
using fakes::FakeReply;

class TestLlmWire : public QObject
{
    Q_OBJECT

private:
    FakeLlmServer m_server;

    QJsonObject lastBody() { return m_server.requests().back().json; }

private slots:
    void initTestCase()
    {
        m_server.setApiKey(kKey);
        QString error;
        QVERIFY2(m_server.start(QHostAddress::LocalHost, 0, &error), qPrintable(error));
    }
    void init() { m_server.clearRequests(); }

    void anthropicRequestAndToolAnswer()
    {
        auto provider = makeProvider("anthropic", fakeEndpoint(m_server, "anthropic"));
        m_server.enqueue(
            FakeReply::json(QJsonDocument::fromJson(kValidPlan).object()).withUsage(1000, 2000));
        CompletionRequest request = simpleRequest();
        request.jsonSchema = kPlanSchema;
        request.temperature = 0.0;
        request.maxOutputTokens = 1234;
        auto result = provider->complete(request, {});
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message().c_str());

        const auto wire = m_server.requests().back();
        QCOMPARE(wire.method, QByteArray("POST"));
        QCOMPARE(wire.path, QByteArray("/v1/messages"));
        QCOMPARE(wire.header("x-api-key"), std::string(kKey));
        QCOMPARE(wire.header("anthropic-version"), std::string("2023-06-01"));
        QCOMPARE(wire.header("content-type"), std::string("application/json"));
        QVERIFY(!wire.hasHeader("authorization"));
        const QJsonObject body = wire.json;
        QCOMPARE(body.value("model").toString(), QString("claude-sonnet-4-5"));
        QCOMPARE(body.value("max_tokens").toInt(), 1234);
        QVERIFY(body.contains("temperature"));
        QCOMPARE(body.value("temperature").toDouble(), 0.0);
        QCOMPARE(body.value("system").toString(), QString("You plan software changes."));
        const QJsonArray messages = body.value("messages").toArray();
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages[0].toObject().value("role").toString(), QString("user"));
        QCOMPARE(messages[0].toObject().value("content").toString(),
                 QString("Add a --verbose flag."));
        const QJsonObject tool = body.value("tools").toArray().first().toObject();
        QCOMPARE(tool.value("name").toString(), QString("generate_plan"));
        QCOMPARE(tool.value("input_schema").toObject(),
                 QJsonDocument::fromJson(kPlanSchema).object());
        QCOMPARE(body.value("tool_choice").toObject(),
                 (QJsonObject{{"type", "tool"}, {"name", "generate_plan"}}));
        QCOMPARE(wire.stage, std::string("generate_plan"));

        QCOMPARE(result->provider, std::string("anthropic"));
        QCOMPARE(result->model, std::string("claude-sonnet-4-5"));
        QCOMPARE(QJsonDocument::fromJson(QByteArray::fromStdString(result->text)).object(),
                 QJsonDocument::fromJson(kValidPlan).object());
        QCOMPARE(result->usage.input, 1000);
        QCOMPARE(result->usage.output, 2000);
        QCOMPARE(result->stopReason, std::string("tool_use"));
        QCOMPARE(result->attempts, 1);
        // claude-sonnet-4-5: $3 in, $15 out per million.
        QVERIFY(qAbs(result->costUsd - (1000 * 3.0 + 2000 * 15.0) / 1e6) < 1e-12);
        QVERIFY(result->latencyMs >= 0);
    }

    void anthropicFreeTextAndWrappedArraySchema()
    {
        auto provider = makeProvider("anthropic", fakeEndpoint(m_server, "anthropic"));
        m_server.enqueue(FakeReply::answer("Plain words."));
        auto text = provider->complete(simpleRequest("review"), {});
        QVERIFY(text.ok());
        QCOMPARE(text->text, std::string("Plain words."));
        QCOMPARE(text->stopReason, std::string("end_turn"));
        QVERIFY(!lastBody().contains("tools"));
        QVERIFY(!lastBody().contains("tool_choice"));

        // A top-level array schema travels wrapped in an object and comes back unwrapped.
        m_server.enqueue(FakeReply::json(QJsonArray{"a.cpp", "b.cpp"}));
        CompletionRequest request = simpleRequest("analyze_impact");
        request.jsonSchema = R"({"type":"array","items":{"type":"string"}})";
        auto array = provider->complete(request, {});
        QVERIFY(array.ok());
        QCOMPARE(array->text, std::string(R"(["a.cpp","b.cpp"])"));
        const QJsonObject schema =
            lastBody().value("tools").toArray().first().toObject().value("input_schema").toObject();
        QCOMPARE(schema.value("type").toString(), QString("object"));
        QCOMPARE(schema.value("properties")
                     .toObject()
                     .value("value")
                     .toObject()
                     .value("type")
                     .toString(),
                 QString("array"));
        QCOMPARE(lastBody().value("model").toString(), QString("claude-sonnet-4-5"));
    }

    void openAiRequestAndAnswer()
    {
        auto provider = makeProvider("openai", fakeEndpoint(m_server, "openai"));
        m_server.enqueue(FakeReply::answer(kValidPlan).withUsage(100000, 50000));
        CompletionRequest request = simpleRequest();
        request.jsonSchema = kPlanSchema;
        request.messages.push_back({Role::Assistant, "Which file?"});
        request.messages.push_back({Role::User, "main.cpp"});
        auto result = provider->complete(request, {});
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message().c_str());

        const auto wire = m_server.requests().back();
        QCOMPARE(wire.path, QByteArray("/v1/chat/completions"));
        QCOMPARE(wire.header("authorization"), "Bearer " + std::string(kKey));
        const QJsonObject body = wire.json;
        QCOMPARE(body.value("model").toString(), QString("gpt-4.1"));
        QCOMPARE(body.value("max_completion_tokens").toInt(), 8192);
        QVERIFY(!body.contains("max_tokens"));
        QVERIFY(body.contains("temperature"));
        const QJsonArray messages = body.value("messages").toArray();
        QCOMPARE(messages.size(), 4);
        QCOMPARE(messages[0].toObject().value("role").toString(), QString("system"));
        QCOMPARE(messages[2].toObject().value("role").toString(), QString("assistant"));
        const QJsonObject format = body.value("response_format").toObject();
        QCOMPARE(format.value("type").toString(), QString("json_schema"));
        const QJsonObject spec = format.value("json_schema").toObject();
        QCOMPARE(spec.value("name").toString(), QString("generate_plan"));
        QCOMPARE(spec.value("schema").toObject(), QJsonDocument::fromJson(kPlanSchema).object());
        // minLength/minItems are outside strict mode's keywords.
        QCOMPARE(spec.value("strict").toBool(), false);

        QCOMPARE(result->text, std::string(kValidPlan));
        QCOMPARE(result->usage.input, 100000);
        QCOMPARE(result->usage.output, 50000);
        QCOMPARE(result->stopReason, std::string("stop"));
        // gpt-4.1: $2 in, $8 out per million.
        QVERIFY(qAbs(result->costUsd - (0.2 + 0.4)) < 1e-9);
    }

    void strictModeWhenTheSchemaAllowsIt()
    {
        const auto strict = JsonText::schemaObject(
            "x",
            R"({"type":"object","properties":{"a":{"type":"string"}},"required":["a"],"additionalProperties":false})");
        QVERIFY(OpenAiProvider::isStrictCompatible(*strict));
        const auto optional = JsonText::schemaObject(
            "x",
            R"({"type":"object","properties":{"a":{"type":"string"}},"additionalProperties":false})");
        QVERIFY(!OpenAiProvider::isStrictCompatible(*optional));
    }

    void openAiCompatibleServer()
    {
        m_server.setApiKey("");
        auto settings = fakeEndpoint(m_server, "openai-compatible", "");
        settings.baseUrl += "/v1/"; // how Ollama users write it
        auto provider = makeProvider("openai-compatible", settings);
        m_server.enqueue(FakeReply::answer(kValidPlan).withUsage(10, 10));
        CompletionRequest request = simpleRequest();
        request.jsonSchema = kPlanSchema;
        auto result = provider->complete(request, {});
        m_server.setApiKey(kKey);
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message().c_str());

        const auto wire = m_server.requests().back();
        QCOMPARE(wire.path, QByteArray("/v1/chat/completions"));
        QVERIFY(!wire.hasHeader("authorization"));
        QCOMPARE(wire.json.value("model").toString(), QString("llama3.1:8b"));
        QCOMPARE(wire.json.value("max_tokens").toInt(), 8192);
        QCOMPARE(wire.json.value("response_format").toObject(),
                 (QJsonObject{{"type", "json_object"}}));
        // The schema reaches the model through the system prompt.
        QVERIFY(wire.system.find("JSON Schema") != std::string::npos);
        QVERIFY(wire.system.find("\"enum\"") != std::string::npos);
        QCOMPARE(result->provider, std::string("openai-compatible"));
        QCOMPARE(result->costUsd, 0.0); // local models cost nothing
    }

    void geminiRequestAndAnswer()
    {
        auto provider = makeProvider("gemini", fakeEndpoint(m_server, "gemini"));
        m_server.enqueue(FakeReply::answer(kValidPlan).withUsage(2000, 1000));
        CompletionRequest request = simpleRequest("normalize_spec");
        request.model = "gemini-2.5-flash";
        request.jsonSchema = kPlanSchema;
        request.temperature = 0.25;
        request.messages.push_back({Role::Assistant, "ok"});
        auto result = provider->complete(request, {});
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message().c_str());

        const auto wire = m_server.requests().back();
        QCOMPARE(wire.path, QByteArray("/v1beta/models/gemini-2.5-flash:generateContent"));
        QCOMPARE(wire.header("x-goog-api-key"), std::string(kKey));
        QVERIFY(wire.query.isEmpty());
        QVERIFY(!wire.target.contains(kKey));
        QVERIFY(!wire.body.contains(kKey));
        const QJsonObject body = wire.json;
        QCOMPARE(body.value("systemInstruction")
                     .toObject()
                     .value("parts")
                     .toArray()
                     .first()
                     .toObject()
                     .value("text")
                     .toString(),
                 QString("You plan software changes."));
        const QJsonArray contents = body.value("contents").toArray();
        QCOMPARE(contents.size(), 2);
        QCOMPARE(contents[0].toObject().value("role").toString(), QString("user"));
        QCOMPARE(contents[1].toObject().value("role").toString(), QString("model"));
        const QJsonObject generation = body.value("generationConfig").toObject();
        QCOMPARE(generation.value("temperature").toDouble(), 0.25);
        QCOMPARE(generation.value("maxOutputTokens").toInt(), 8192);
        QCOMPARE(generation.value("responseMimeType").toString(), QString("application/json"));
        const QJsonObject schema = generation.value("responseSchema").toObject();
        QCOMPARE(schema.value("type").toString(), QString("OBJECT"));
        QVERIFY(!schema.contains("additionalProperties"));
        const QJsonObject kind = schema.value("properties")
                                     .toObject()
                                     .value("steps")
                                     .toObject()
                                     .value("items")
                                     .toObject()
                                     .value("properties")
                                     .toObject()
                                     .value("kind")
                                     .toObject();
        QCOMPARE(kind.value("enum").toArray(), (QJsonArray{"edit", "create"}));

        QCOMPARE(result->text, std::string(kValidPlan));
        QCOMPARE(result->usage.input, 2000);
        QCOMPARE(result->usage.output, 1000);
        QCOMPARE(result->stopReason, std::string("STOP"));
        QCOMPARE(result->model, std::string("gemini-2.5-flash"));
        // gemini-2.5-flash: $0.30 in, $2.50 out per million.
        QVERIFY(qAbs(result->costUsd - (2000 * 0.30 + 1000 * 2.50) / 1e6) < 1e-12);
    }

    void geminiThinkingTokensAreOutput()
    {
        auto provider = makeProvider("gemini", fakeEndpoint(m_server, "gemini"));
        const QByteArray body = R"({"candidates":[{"content":{"role":"model","parts":[
            {"text":"thinking...","thought":true},{"text":"answer"}]},"finishReason":"STOP"}],
            "usageMetadata":{"promptTokenCount":7,"candidatesTokenCount":3,"thoughtsTokenCount":40},
            "modelVersion":"gemini-2.5-pro"})";
        m_server.enqueue(FakeReply::raw(200, body, {{"content-type", "application/json"}}));
        auto result = provider->complete(simpleRequest(), {});
        QVERIFY(result.ok());
        QCOMPARE(result->text, std::string("answer"));
        QCOMPARE(result->usage.input, 7);
        QCOMPARE(result->usage.output, 43);
    }

    void cutOffAnswersAreMarked_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("stop");
        QTest::newRow("anthropic") << "anthropic"
                                   << "max_tokens";
        QTest::newRow("openai") << "openai"
                                << "length";
        QTest::newRow("gemini") << "gemini"
                                << "MAX_TOKENS";
    }
    void cutOffAnswersAreMarked()
    {
        QFETCH(QString, kind);
        QFETCH(QString, stop);
        auto provider =
            makeProvider(kind.toStdString(), fakeEndpoint(m_server, kind.toStdString()));
        m_server.enqueue(FakeReply::answer("{\"summary\": \"half").stoppedAtLimit());
        auto result = provider->complete(simpleRequest(), {});
        QVERIFY(result.ok());
        QVERIFY(result->truncated);
        QCOMPARE(QString::fromStdString(result->stopReason), stop);
    }

    void callableFromAPlainThread_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("anthropic") << "anthropic";
        QTest::newRow("openai") << "openai";
        QTest::newRow("gemini") << "gemini";
    }
    void callableFromAPlainThread()
    {
        QFETCH(QString, kind);
        auto provider =
            makeProvider(kind.toStdString(), fakeEndpoint(m_server, kind.toStdString()));
        m_server.setResponder([](const fakes::FakeRequest& r) {
            return FakeReply::answer("echo: " + r.lastUserText);
        });
        std::vector<std::string> answers(3);
        std::vector<std::jthread> workers;
        for (int i = 0; i < 3; ++i)
            workers.emplace_back([&, i] {
                CompletionRequest request = simpleRequest();
                request.messages = {{Role::User, "worker " + std::to_string(i)}};
                auto result = provider->complete(request, {});
                answers[i] = result.ok() ? result->text : "error: " + result.error().message();
            });
        for (auto& worker : workers)
            worker.join();
        m_server.setResponder({});
        for (int i = 0; i < 3; ++i)
            QCOMPARE(answers[i], "echo: worker " + std::to_string(i));
    }

    void vendorErrorsMapToCodes_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("code");
        QTest::newRow("anthropic 400")
            << "anthropic" << 400 << int(common::StatusCode::InvalidArgument);
        QTest::newRow("openai 404")
            << "openai" << 404 << int(common::StatusCode::FailedPrecondition);
        QTest::newRow("gemini 413") << "gemini" << 413 << int(common::StatusCode::InvalidArgument);
        QTest::newRow("openai 403") << "openai" << 403 << int(common::StatusCode::Unauthenticated);
    }
    void vendorErrorsMapToCodes()
    {
        QFETCH(QString, kind);
        QFETCH(int, status);
        QFETCH(int, code);
        auto provider =
            makeProvider(kind.toStdString(), fakeEndpoint(m_server, kind.toStdString()));
        m_server.enqueue(FakeReply::error(status, "some_error", "the vendor explains"));
        auto result = provider->complete(simpleRequest(), {});
        QVERIFY(!result.ok());
        QCOMPARE(int(result.error().code()), code);
        QVERIFY(result.error().message().find(kind.toStdString()) == 0);
        QCOMPARE(m_server.requestCount(), std::size_t(1)); // not retried
    }

    void cleanupTestCase() { m_server.stop(); }
};

QTEST_GUILESS_MAIN(TestLlmWire)
#include "test_llm_wire.moc"
