// builder-fake-llm: the fake LLM vendor as a process, answering from a JSON script, for tests
// and benches that run builderd separately. Prints "http: HOST:PORT" once listening.
#include "FakeLlmServer.h"
#include "FakeScript.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <memory>
#include <mutex>

using namespace builder::fakes;

namespace {

int usage(const char* why)
{
    std::fprintf(stderr,
                 "builder-fake-llm: %s\nusage: builder-fake-llm --script FILE [--listen HOST:PORT] "
                 "[--key KEY] [--log FILE]\n",
                 why);
    return 2;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QString scriptPath, listen = "127.0.0.1:0", logPath;
    std::optional<std::string> key;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (i + 1 >= args.size())
            return usage("every option needs a value");
        const QString& flag = args[i];
        const QString& value = args[++i];
        if (flag == "--script")
            scriptPath = value;
        else if (flag == "--listen")
            listen = value;
        else if (flag == "--key")
            key = value.toStdString();
        else if (flag == "--log")
            logPath = value;
        else
            return usage("unknown option");
    }
    if (scriptPath.isEmpty())
        return usage("--script is required");
    QString error;
    auto script = FakeScript::load(scriptPath, &error);
    if (!script)
        return usage(error.toLocal8Bit().constData());

    const qsizetype colon = listen.lastIndexOf(':');
    bool portOk = false;
    const quint16 port = colon > 0 ? listen.mid(colon + 1).toUShort(&portOk) : 0;
    QHostAddress host(listen.left(colon).remove('[').remove(']'));
    if (!portOk || host.isNull())
        return usage("--listen must be HOST:PORT with a numeric host");

    FakeLlmServer server;
    server.setApiKey(key ? *key : script->apiKey().value_or("test-key"));
    auto shared = std::make_shared<FakeScript>(std::move(*script));
    server.setResponder([shared](const FakeRequest& request) { return shared->respond(request); });

    auto log = std::make_shared<QFile>(logPath);
    auto logMutex = std::make_shared<std::mutex>();
    if (!logPath.isEmpty()) {
        if (!log->open(QIODevice::WriteOnly | QIODevice::Append))
            return usage("cannot open the --log file");
        server.setObserver([log, logMutex](const FakeRequest& request) {
            const QJsonObject line{{"index", request.index},
                                   {"provider", fakeProviderName(request.kind)},
                                   {"path", QString::fromLatin1(request.path)},
                                   {"stage", QString::fromStdString(request.stage)},
                                   {"model", QString::fromStdString(request.model)},
                                   {"promptChars", static_cast<qint64>(request.prompt.size())}};
            std::lock_guard<std::mutex> lock(*logMutex);
            log->write(QJsonDocument(line).toJson(QJsonDocument::Compact) + "\n");
            log->flush();
        });
    }
    if (!server.start(host, port, &error))
        return usage(error.toLocal8Bit().constData());
    std::printf("http: %s:%u\n", host.toString().toLocal8Bit().constData(),
                static_cast<unsigned>(server.port()));
    std::fflush(stdout);
    return app.exec();
}
