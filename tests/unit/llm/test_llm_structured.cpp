// Structured output: JSON extraction, schema validation, the one corrective retry.
#include "LlmTestSupport.h"
#include "ScriptedProvider.h"

#include "llm/JsonExtractor.h"
#include "llm/JsonText.h"
#include "llm/SchemaValidator.h"
#include "llm/StructuredCaller.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace builder;
using namespace builder::llm;
using namespace builder::llm::test;
using common::StatusCode;
using fakes::FakeLlmServer;
using fakes::FakeReply;

class TestLlmStructured : public QObject
{
    Q_OBJECT

private slots:
    void extraction_data()
    {
        QTest::addColumn<QString>("reply");
        QTest::addColumn<QString>("expected"); // compact JSON, or "" for no JSON
        QTest::newRow("bare") << R"({"a":1})"
                              << R"({"a":1})";
        QTest::newRow("fenced") << "```json\n{\"a\": [1, 2]}\n```"
                                << R"({"a":[1,2]})";
        QTest::newRow("prose around") << "Here it is:\n{\"a\": \"b\"}\nHope that helps!"
                                      << R"({"a":"b"})";
        // (moc's raw-string reader trips over these, so plain literals)
        QTest::newRow("braces in strings") << "Sure: {\"code\": \"if x { y; }\", \"n\": \"]\"}"
                                           << "{\"code\":\"if x { y; }\",\"n\":\"]\"}";
        QTest::newRow("escaped quote") << "{\"q\": \"say \\\"{hi}\\\"\"}"
                                       << "{\"q\":\"say \\\"{hi}\\\"\"}";
        QTest::newRow("prose braces first") << "Use {names} like {this}. [{\"a\":1}]"
                                            << R"([{"a":1}])";
        QTest::newRow("array") << "[1, 2, 3] and more"
                               << "[1,2,3]";
        QTest::newRow("none") << "I cannot help with that."
                              << "";
        QTest::newRow("cut off") << "{\"a\": [1, 2"
                                 << "";
    }
    void extraction()
    {
        QFETCH(QString, reply);
        QFETCH(QString, expected);
        auto result = JsonExtractor::extract(reply.toStdString());
        if (expected.isEmpty()) {
            QVERIFY(!result.ok());
            QCOMPARE(result.error().code(), StatusCode::InvalidArgument);
        } else {
            QVERIFY2(result.ok(), result.ok() ? "" : result.error().message().c_str());
            QCOMPARE(QString::fromStdString(JsonText::compact(*result)), expected);
        }
    }

    void validation_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("rule");
        QTest::newRow("valid") << kValidPlan << ""
                               << "";
        QTest::newRow("missing") << R"({"steps":[{"kind":"edit","file":"a"}]})"
                                 << "$.summary"
                                 << "required";
        QTest::newRow("type") << R"({"summary":3,"steps":[{"kind":"edit","file":"a"}]})"
                              << "$.summary"
                              << "type";
        QTest::newRow("enum") << R"({"summary":"s","steps":[{"kind":"delete","file":"a"}]})"
                              << "$.steps[0].kind"
                              << "enum";
        QTest::newRow("extra") << R"({"summary":"s","steps":[],"why":"x"})"
                               << "$.steps"
                               << "minItems";
        QTest::newRow("additional")
            << R"({"summary":"s","steps":[{"kind":"edit","file":"a","x":1}]})"
            << "$.steps[0].x"
            << "additionalProperties";
        QTest::newRow("minLength") << R"({"summary":"","steps":[{"kind":"edit","file":"a"}]})"
                                   << "$.summary"
                                   << "minLength";
        QTest::newRow("root type") << "[]"
                                   << "$"
                                   << "type";
    }
    void validation()
    {
        QFETCH(QString, value);
        QFETCH(QString, path);
        QFETCH(QString, rule);
        auto schema = JsonText::schemaObject("t", kPlanSchema);
        auto parsed = JsonText::parse(value.toStdString());
        QVERIFY(parsed.ok());
        const auto violations = SchemaValidator(*schema).validate(*parsed);
        if (path.isEmpty()) {
            QVERIFY(violations.empty());
            return;
        }
        QVERIFY(!violations.empty());
        QCOMPARE(QString::fromStdString(violations.front().fieldPath), path);
        QCOMPARE(QString::fromStdString(violations.front().constraintId), rule);
        QVERIFY(!violations.front().message.empty());
    }

    void numbersLengthsAndItems_data()
    {
        QTest::addColumn<QString>("schema");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("rule"); // "" = valid
        QTest::newRow("integer ok") << R"({"type":"integer","minimum":1,"maximum":5})"
                                    << "3"
                                    << "";
        QTest::newRow("integer fraction") << R"({"type":"integer"})"
                                          << "2.5"
                                          << "type";
        QTest::newRow("number accepts integer") << R"({"type":"number"})"
                                                << "2"
                                                << "";
        QTest::newRow("below minimum") << R"({"type":"integer","minimum":1})"
                                       << "0"
                                       << "minimum";
        QTest::newRow("above maximum") << R"({"type":"number","maximum":1.5})"
                                       << "2"
                                       << "maximum";
        QTest::newRow("maxItems") << R"({"type":"array","maxItems":1})"
                                  << "[1,2]"
                                  << "maxItems";
        QTest::newRow("items type") << R"({"type":"array","items":{"type":"boolean"}})"
                                    << "[true,1]"
                                    << "type";
        QTest::newRow("maxLength code points") << R"({"type":"string","maxLength":2})"
                                               << "\"\\ud83d\\ude00\\ud83d\\ude00\""
                                               << "";
        QTest::newRow("maxLength over") << R"({"type":"string","maxLength":2})"
                                        << "\"abc\""
                                        << "maxLength";
        QTest::newRow("nullable") << R"({"type":["string","null"]})"
                                  << "null"
                                  << "";
        QTest::newRow("integer enum") << R"({"type":"integer","enum":[1,2]})"
                                      << "3"
                                      << "enum";
    }
    void numbersLengthsAndItems()
    {
        QFETCH(QString, schema);
        QFETCH(QString, value);
        QFETCH(QString, rule);
        auto parsedSchema = JsonText::schemaObject("t", schema.toStdString());
        auto parsed = JsonText::parse(value.toStdString());
        QVERIFY(parsedSchema.ok() && parsed.ok());
        const auto violations = SchemaValidator(*parsedSchema).validate(*parsed);
        if (rule.isEmpty())
            QVERIFY2(violations.empty(),
                     violations.empty() ? "" : violations.front().message.c_str());
        else
            QCOMPARE(violations.empty() ? QString()
                                        : QString::fromStdString(violations.front().constraintId),
                     rule);
    }

    void fencedAnswerAcceptedFirstTime()
    {
        ScriptedProvider provider("scripted");
        provider.addText(std::string("Here is the plan:\n```json\n") + kValidPlan + "\n```");
        int observed = 0;
        StructuredCaller caller(
            provider, [&](const CompletionRequest&, const CompletionResponse&) { ++observed; });
        CompletionRequest request = simpleRequest();
        request.jsonSchema = kPlanSchema;
        auto result = caller.call(request, {});
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message().c_str());
        // Qt keeps object keys sorted, so compare values rather than text.
        QCOMPARE(QJsonDocument::fromJson(QByteArray::fromStdString(result->json)).object(),
                 QJsonDocument::fromJson(kValidPlan).object());
        QCOMPARE(result->value.toObject().value("summary").toString(), QString("add flag"));
        QCOMPARE(result->responses.size(), std::size_t(1));
        QCOMPARE(observed, 1);
        QCOMPARE(provider.requests().size(), std::size_t(1));
    }

    void invalidThenValidAfterOneCorrection()
    {
        ScriptedProvider provider("scripted");
        const std::string bad = R"({"summary":"s","steps":[{"kind":"delete","file":"a"}]})";
        provider.addText(bad);
        provider.addText(kValidPlan);
        int observed = 0;
        StructuredCaller caller(
            provider, [&](const CompletionRequest&, const CompletionResponse&) { ++observed; });
        CompletionRequest request = simpleRequest();
        request.jsonSchema = kPlanSchema;
        auto result = caller.call(request, {});
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message().c_str());
        QCOMPARE(result->responses.size(), std::size_t(2));
        QCOMPARE(observed, 2);
        const auto requests = provider.requests();
        QCOMPARE(requests.size(), std::size_t(2));
        const auto& retry = requests[1].messages;
        QCOMPARE(retry.size(), request.messages.size() + 2);
        QCOMPARE(retry[retry.size() - 2].role, Role::Assistant);
        QCOMPARE(retry[retry.size() - 2].text, bad);
        QCOMPARE(retry.back().role, Role::User);
        QVERIFY(
            retry.back().text.find("$.steps[0].kind: enum: must be one of \"edit\", \"create\"") !=
            std::string::npos);
        QCOMPARE(requests[1].jsonSchema, request.jsonSchema);
        QCOMPARE(requests[1].stage, request.stage);
    }

    void invalidTwiceIsInvalidArgument()
    {
        ScriptedProvider provider("scripted");
        provider.addText("no json at all");
        provider.addText(R"({"summary":"s"})");
        StructuredCaller caller(provider);
        CompletionRequest request = simpleRequest();
        request.jsonSchema = kPlanSchema;
        auto result = caller.call(request, {});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), StatusCode::InvalidArgument);
        const std::string message = result.error().message();
        QVERIFY2(message.find("stage generate_plan") != std::string::npos, message.c_str());
        QVERIFY2(message.find("$.steps: required") != std::string::npos, message.c_str());
        QCOMPARE(result.error().violations().front().fieldPath, std::string("$.steps"));
        QCOMPARE(result.error().violations().front().constraintId, std::string("required"));
        QCOMPARE(provider.requests().size(), std::size_t(2)); // exactly one corrective retry
        QVERIFY(provider.requests()[1].messages.back().text.find("$: json:") != std::string::npos);
    }

    void providerErrorsPassThrough()
    {
        ScriptedProvider provider("scripted");
        provider.addError(StatusCode::Unavailable, "down");
        StructuredCaller caller(provider);
        CompletionRequest request = simpleRequest();
        request.jsonSchema = kPlanSchema;
        auto result = caller.call(request, {});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), StatusCode::Unavailable);
    }

    void badSchemaIsInternal()
    {
        ScriptedProvider provider("scripted");
        StructuredCaller caller(provider);
        CompletionRequest request = simpleRequest();
        request.jsonSchema = "{not json";
        auto result = caller.call(request, {});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), StatusCode::Internal);
        QCOMPARE(provider.requests().size(), std::size_t(0));
    }

    // End to end on the wire: the correction reaches Anthropic as an assistant + user turn.
    void correctionOnTheWire()
    {
        FakeLlmServer server;
        server.setApiKey(kKey);
        QVERIFY(server.start());
        auto provider = makeProvider("anthropic", fakeEndpoint(server, "anthropic"));
        server.enqueue(FakeReply::json(QJsonObject{{"summary", "s"}, {"steps", QJsonArray{}}}));
        server.enqueue(FakeReply::json(QJsonDocument::fromJson(kValidPlan).object()));
        StructuredCaller caller(*provider);
        CompletionRequest request = simpleRequest();
        request.jsonSchema = kPlanSchema;
        auto result = caller.call(request, {});
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message().c_str());
        QCOMPARE(result->responses.size(), std::size_t(2));
        const auto requests = server.requests();
        QCOMPARE(requests.size(), std::size_t(2));
        const QJsonArray messages = requests[1].json.value("messages").toArray();
        QCOMPARE(messages.size(), 3);
        QCOMPARE(messages[1].toObject().value("role").toString(), QString("assistant"));
        QVERIFY(requests[1].lastUserText.find("$.steps: minItems") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestLlmStructured)
#include "test_llm_structured.moc"
