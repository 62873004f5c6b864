// The fake vendor itself: scripts, keep-alive, prompt stop(), and the builder-fake-llm process.
#include "LlmTestSupport.h"

#include "FakeScript.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace builder;
using namespace builder::llm;
using namespace builder::llm::test;
using fakes::FakeLlmServer;
using fakes::FakeReply;
using fakes::FakeScript;

namespace {

const char* kScript = R"({
  "apiKey": "sk-test-0123456789abcdef",
  "rules": [
    {"stage": "generate_plan", "replies": [
      {"rateLimited": 0},
      {"json": {"summary": "s", "steps": [{"kind": "edit", "file": "a.cpp"}]}, "usage": {"input": 11, "output": 22}}
    ]},
    {"provider": "gemini", "contains": "hello", "reply": {"text": "gemini says hi"}},
    {"stage": "review", "reply": {"error": {"status": 400, "type": "invalid_request_error", "message": "no"}}}
  ],
  "default": {"text": "default answer"}
})";

QByteArray httpPost(QTcpSocket& socket, const QByteArray& path, const QByteArray& body)
{
    socket.write(
        "POST " + path +
        " HTTP/1.1\r\nHost: x\r\nx-api-key: sk-test-0123456789abcdef\r\n"
        "anthropic-version: 2023-06-01\r\ncontent-type: application/json\r\ncontent-length: " +
        QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QByteArray response;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 5000) {
        const qsizetype headEnd = response.indexOf("\r\n\r\n");
        if (headEnd >= 0) {
            const qsizetype at = response.toLower().indexOf("content-length: ");
            const qsizetype length =
                response.mid(at + 16, response.indexOf('\r', at) - at - 16).toLongLong();
            if (response.size() >= headEnd + 4 + length)
                return response;
        }
        if (!socket.waitForReadyRead(100) && socket.state() != QAbstractSocket::ConnectedState)
            break;
        response += socket.readAll();
    }
    return response;
}

} // namespace

class TestFakeLlmProcess : public QObject
{
    Q_OBJECT

private slots:
    void scriptRulesInProcess()
    {
        QString error;
        auto script = FakeScript::fromJson(QJsonDocument::fromJson(kScript).object(), &error);
        QVERIFY2(script, qPrintable(error));
        QCOMPARE(script->apiKey().value_or(""), std::string(kKey));
        fakes::FakeRequest plan;
        plan.kind = fakes::FakeProviderKind::OpenAi;
        plan.stage = "generate_plan";
        QCOMPARE(script->respond(plan).status, 429);
        QCOMPARE(script->respond(plan).kind, FakeReply::Kind::Answer);
        QCOMPARE(script->respond(plan).kind, FakeReply::Kind::Answer); // last reply repeats
        fakes::FakeRequest greet;
        greet.kind = fakes::FakeProviderKind::Gemini;
        greet.prompt = "say hello";
        QCOMPARE(script->respond(greet).text, std::string("gemini says hi"));
        greet.kind = fakes::FakeProviderKind::Anthropic;
        QCOMPARE(script->respond(greet).text, std::string("default answer"));

        QVERIFY(!FakeScript::fromJson(
            QJsonDocument::fromJson(R"({"rules":[{"stage":"x"}]})").object(), &error));
        QVERIFY(error.contains("rules[0]"));
        QVERIFY(!FakeScript::fromJson(
            QJsonDocument::fromJson(R"({"rules":[{"reply":{"colour":1}}]})").object(), &error));
        QVERIFY(error.contains("rules[0].replies[0]"));
    }

    void keepAliveServesSeveralRequestsPerConnection()
    {
        FakeLlmServer server;
        server.setApiKey(kKey);
        QVERIFY(server.start());
        server.setResponder([](const fakes::FakeRequest& r) {
            return FakeReply::answer("#" + std::to_string(r.index));
        });
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(socket.waitForConnected(5000));
        const QByteArray body =
            R"({"model":"m","max_tokens":5,"messages":[{"role":"user","content":"hi"}]})";
        const QByteArray first = httpPost(socket, "/v1/messages", body);
        const QByteArray second = httpPost(socket, "/v1/messages", body);
        QVERIFY2(first.startsWith("HTTP/1.1 200"), first.constData());
        QVERIFY(first.contains("\"text\":\"#0\""));
        QVERIFY2(second.contains("\"text\":\"#1\""), second.constData());
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
        const QByteArray unknown = httpPost(socket, "/v2/nothing", "{}");
        QVERIFY(unknown.startsWith("HTTP/1.1 404"));
    }

    void stopInterruptsADelayedReply()
    {
        auto server = std::make_unique<FakeLlmServer>();
        server->setApiKey(kKey);
        QVERIFY(server->start());
        server->enqueue(FakeReply::answer("late").after(std::chrono::seconds(30)));
        auto provider = makeProvider("anthropic", fakeEndpoint(*server, "anthropic"));
        std::jthread worker([&] { (void)provider->complete(simpleRequest(), {}); });
        QVERIFY(server->waitForRequests(1, std::chrono::seconds(10)));
        QElapsedTimer clock;
        clock.start();
        server->stop();
        QVERIFY(clock.elapsed() < 1000);
        worker.join();
    }

    void processAnswersFromItsScript()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString scriptPath = dir.filePath("script.json");
        const QString logPath = dir.filePath("requests.jsonl");
        QFile file(scriptPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(kScript);
        file.close();

        QProcess process;
        process.setProgram(qEnvironmentVariable("BUILDER_TEST_BINARY_DIR") +
                           "/tests/fakes/llm/builder-fake-llm");
        process.setArguments({"--script", scriptPath, "--listen", "127.0.0.1:0", "--log", logPath});
        process.start();
        QVERIFY2(process.waitForStarted(5000), qPrintable(process.errorString()));
        QString line;
        QElapsedTimer clock;
        clock.start();
        while (!line.endsWith('\n') && clock.elapsed() < 10000) {
            process.waitForReadyRead(200);
            line += QString::fromUtf8(process.readAllStandardOutput());
        }
        QVERIFY2(line.startsWith("http: 127.0.0.1:"), qPrintable(line));
        const QString base = "http://" + line.mid(6).trimmed();

        EndpointSettings settings;
        settings.name = "openai";
        settings.baseUrl = base.toStdString();
        settings.apiKey = kKey;
        settings.defaultModel = "gpt-4.1";
        settings.retry.baseDelay = std::chrono::milliseconds(10);
        settings.prices = std::make_shared<PriceTable>(PriceTable::builtin());
        auto provider = makeProvider("openai", settings);
        auto plan = provider->complete(simpleRequest("generate_plan"), {});
        QVERIFY2(plan.ok(), plan.ok() ? "" : plan.error().message().c_str());
        QCOMPARE(plan->attempts, 2); // the scripted 429 first
        QCOMPARE(plan->usage, (TokenUsage{11, 22}));
        QVERIFY(plan->text.find("a.cpp") != std::string::npos);
        auto review = provider->complete(simpleRequest("review"), {});
        QVERIFY(!review.ok());
        QCOMPARE(review.error().code(), common::StatusCode::InvalidArgument);

        process.terminate();
        QVERIFY(process.waitForFinished(5000));
        QFile log(logPath);
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = log.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QCOMPARE(QJsonDocument::fromJson(lines[2]).object().value("stage").toString(),
                 QString("review"));
    }

    void processRejectsABadScript()
    {
        QProcess process;
        process.start(qEnvironmentVariable("BUILDER_TEST_BINARY_DIR") +
                          "/tests/fakes/llm/builder-fake-llm",
                      {"--script", "/nonexistent/script.json"});
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(process.readAllStandardError().contains("cannot read"));
    }
};

QTEST_GUILESS_MAIN(TestFakeLlmProcess)
#include "test_fake_llm_process.moc"
