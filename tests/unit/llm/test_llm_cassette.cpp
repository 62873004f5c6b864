// Request keys, recording to a cassette and replaying from it.
#include "LlmTestSupport.h"
#include "ScriptedProvider.h"

#include "llm/Cassette.h"
#include "llm/RecordingProvider.h"
#include "llm/ReplayProvider.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace builder;
using namespace builder::llm;
using namespace builder::llm::test;
using common::StatusCode;
using fakes::FakeLlmServer;
using fakes::FakeReply;

class TestLlmCassette : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string path(const char* name) const { return m_dir.filePath(name).toStdString(); }

private slots:
    void keyIsStableAndCoversTheRightFields()
    {
        const CompletionRequest base = simpleRequest();
        QCOMPARE(base.key().size(), std::size_t(64));
        QCOMPARE(base.key(), simpleRequest().key());

        CompletionRequest other = base;
        other.maxOutputTokens = 10; // not part of the key
        QCOMPARE(other.key(), base.key());

        auto differs = [&](auto change) {
            CompletionRequest changed = base;
            change(changed);
            return changed.key() != base.key();
        };
        QVERIFY(differs([](CompletionRequest& r) { r.stage = "review"; }));
        QVERIFY(differs([](CompletionRequest& r) { r.model = "gpt-4.1"; }));
        QVERIFY(differs([](CompletionRequest& r) { r.system += " "; }));
        QVERIFY(differs([](CompletionRequest& r) { r.jsonSchema = "{}"; }));
        QVERIFY(differs([](CompletionRequest& r) { r.temperature = 0.1; }));
        QVERIFY(differs([](CompletionRequest& r) { r.messages[0].role = Role::Assistant; }));
        QVERIFY(differs([](CompletionRequest& r) { r.messages.push_back({Role::User, ""}); }));
        // Field boundaries are unambiguous.
        CompletionRequest a = base, b = base;
        a.system = "ab";
        a.messages = {{Role::User, "c"}};
        b.system = "a";
        b.messages = {{Role::User, "bc"}};
        QVERIFY(a.key() != b.key());
    }

    void recordThenReplay()
    {
        QVERIFY(m_dir.isValid());
        FakeLlmServer server;
        server.setApiKey(kKey);
        QVERIFY(server.start());
        const std::string file = path("roundtrip.json");
        auto live = makeProvider("anthropic", fakeEndpoint(server, "anthropic"));
        auto recorder = RecordingProvider::open(live, file);
        QVERIFY(recorder.ok());
        server.enqueue(FakeReply::answer("plan A").withUsage(120, 30));
        server.enqueue(FakeReply::answer("review B").withUsage(50, 10));
        auto first = (*recorder)->complete(simpleRequest("generate_plan"), {});
        auto second = (*recorder)->complete(simpleRequest("review"), {});
        QVERIFY(first.ok() && second.ok());
        server.stop();

        QFile raw(QString::fromStdString(file));
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const QByteArray content = raw.readAll();
        QVERIFY(!content.contains(kKey));
        QVERIFY(!content.contains("Add a --verbose flag.")); // prompts stay out
        const QJsonObject root = QJsonDocument::fromJson(content).object();
        QCOMPARE(root.value("version").toInt(), 1);
        QCOMPARE(root.value("entries").toArray().size(), 2);

        auto replay = ReplayProvider::open(file);
        QVERIFY(replay.ok());
        auto again = (*replay)->complete(simpleRequest("generate_plan"), {});
        QVERIFY2(again.ok(), again.ok() ? "" : again.error().message().c_str());
        QCOMPARE(again->text, std::string("plan A"));
        QCOMPARE(again->provider, std::string("replay"));
        QCOMPARE(again->model, std::string("claude-sonnet-4-5"));
        QCOMPARE(again->usage, (TokenUsage{120, 30}));
        QCOMPARE(again->costUsd, 0.0);
        auto review = (*replay)->complete(simpleRequest("review"), {});
        QVERIFY(review.ok());
        QCOMPARE(review->text, std::string("review B"));
    }

    void replayMissNamesStageKeyAndFile()
    {
        const std::string file = path("miss.json");
        Cassette cassette;
        QVERIFY(cassette.save(file).ok());
        auto replay = ReplayProvider::open(file);
        QVERIFY(replay.ok());
        const CompletionRequest request = simpleRequest("generate_code");
        auto result = (*replay)->complete(request, {});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), StatusCode::NotFound);
        QCOMPARE(result.error().message(),
                 "no recording for stage generate_code key " + request.key() + " in " + file);
    }

    void repeatedRequestsReplayInOrder()
    {
        const std::string file = path("sequence.json");
        const CompletionRequest request = simpleRequest("repair");
        Cassette cassette;
        for (const char* text : {"first try", "second try"}) {
            Cassette::Entry entry;
            entry.stage = "repair";
            entry.key = request.key();
            entry.model = "m";
            entry.response = text;
            cassette.append(entry);
        }
        QVERIFY(cassette.save(file).ok());
        auto replay = ReplayProvider::open(file);
        QVERIFY(replay.ok());
        QCOMPARE((*replay)->complete(request, {})->text, std::string("first try"));
        QCOMPARE((*replay)->complete(request, {})->text, std::string("second try"));
        QCOMPARE((*replay)->complete(request, {})->text, std::string("second try"));
    }

    void recorderAppendsToAnExistingCassette()
    {
        const std::string file = path("append.json");
        auto inner = std::make_shared<ScriptedProvider>("scripted");
        inner->addText("one");
        inner->addText("two");
        QVERIFY(
            (*RecordingProvider::open(inner, file))->complete(simpleRequest("review"), {}).ok());
        QVERIFY(
            (*RecordingProvider::open(inner, file))->complete(simpleRequest("repair"), {}).ok());
        auto loaded = Cassette::load(file);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->entries().size(), std::size_t(2));
        QCOMPARE(loaded->entries()[1].response, std::string("two"));
        // Failures are not recorded.
        inner->addError(StatusCode::Unavailable, "down");
        QVERIFY(
            !(*RecordingProvider::open(inner, file))->complete(simpleRequest("review"), {}).ok());
        QCOMPARE(Cassette::load(file)->entries().size(), std::size_t(2));
    }

    void malformedCassettesAreFailedPrecondition_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not json") << QByteArray("nope") << "is not a JSON object";
        QTest::newRow("version") << QByteArray(R"({"version":2,"entries":[]})")
                                 << "version must be 1";
        QTest::newRow("key")
            << QByteArray(
                   R"({"version":1,"entries":[{"stage":"review","key":"xyz","response":""}]})")
            << "entries[0].key";
        QTest::newRow("response") << QByteArray(
                                         R"({"version":1,"entries":[{"stage":"review","key":")" +
                                         QByteArray(64, 'a') + R"("}]})")
                                  << "entries[0].response";
    }
    void malformedCassettesAreFailedPrecondition()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        const std::string file = path("bad.json");
        QFile out(QString::fromStdString(file));
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(content);
        out.close();
        auto replay = ReplayProvider::open(file);
        QVERIFY(!replay.ok());
        QCOMPARE(replay.error().code(), StatusCode::FailedPrecondition);
        QVERIFY2(QString::fromStdString(replay.error().message()).contains(expected),
                 replay.error().message().c_str());
        QVERIFY(replay.error().message().find(file) != std::string::npos);
    }

    void missingReplayFile()
    {
        auto replay = ReplayProvider::open(path("absent.json"));
        QVERIFY(!replay.ok());
        QCOMPARE(replay.error().code(), StatusCode::FailedPrecondition);
        QVERIFY(replay.error().message().find("llm.replay") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestLlmCassette)
#include "test_llm_cassette.moc"
