#include "TestBuilderCtl.h"

#include "builderctl/ClientConfig.h"
#include "builderctl/CommandLine.h"
#include "builderctl/Environment.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace builder::ctl;

namespace {

void writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(content), content.size());
}

// Parses global options the way the command line does, then resolves them.
builder::common::Result<ClientConfig> resolveWith(QStringList args,
                                                  const std::map<std::string, std::string>& env)
{
    const CommandLine commandLine(ClientConfig::options(), {{"x", "y", "", "", "", 0, 0, {}}});
    std::vector<std::string> argv{"x", "y"};
    for (const auto& arg : args)
        argv.push_back(arg.toStdString());
    auto invocation = commandLine.parse(argv);
    if (!invocation.ok())
        return invocation.error();
    return ClientConfig::resolve(invocation->args, Environment::fromMap(env));
}

} // namespace

void TestBuilderCtl::serverResolution_data()
{
    QTest::addColumn<QString>("flag");
    QTest::addColumn<QString>("env");
    QTest::addColumn<QByteArray>("endpointJson"); // empty: no file
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("source"); // "FILE" stands for the endpoint.json path

    const QByteArray endpoint = R"({"grpc":"127.0.0.1:4242","http":"127.0.0.1:4243"})";
    QTest::newRow("flag wins") << "flag-host:1"
                               << "env-host:2" << endpoint << "flag-host:1"
                               << "--server";
    QTest::newRow("env over file") << ""
                                   << "env-host:2" << endpoint << "env-host:2"
                                   << "BUILDER_SERVER";
    QTest::newRow("file over default") << ""
                                       << "" << endpoint << "127.0.0.1:4242"
                                       << "FILE";
    QTest::newRow("default") << ""
                             << "" << QByteArray() << "127.0.0.1:7700"
                             << "default";
    QTest::newRow("malformed file") << ""
                                    << "" << QByteArray("{not json") << "127.0.0.1:7700"
                                    << "default";
    QTest::newRow("file without grpc") << ""
                                       << "" << QByteArray(R"({"http":"x:1"})") << "127.0.0.1:7700"
                                       << "default";
    QTest::newRow("unix socket flag") << "unix:/run/builder.sock"
                                      << "" << endpoint << "unix:/run/builder.sock"
                                      << "--server";
}

void TestBuilderCtl::serverResolution()
{
    QFETCH(QString, flag);
    QFETCH(QString, env);
    QFETCH(QByteArray, endpointJson);
    QFETCH(QString, server);
    QFETCH(QString, source);

    QTemporaryDir dataDir;
    QVERIFY(dataDir.isValid());
    const QString endpointPath = dataDir.filePath("endpoint.json");
    if (!endpointJson.isEmpty())
        writeFile(endpointPath, endpointJson);

    QStringList args{"--data-dir", dataDir.path()};
    if (!flag.isEmpty())
        args << "--server" << flag;
    std::map<std::string, std::string> variables;
    if (!env.isEmpty())
        variables["BUILDER_SERVER"] = env.toStdString();

    auto config = resolveWith(args, variables);
    QVERIFY2(config.ok(), config.ok() ? "" : config.error().message().c_str());
    QCOMPARE(QString::fromStdString(config->server()), server);
    QCOMPARE(QString::fromStdString(config->serverSource()),
             source == "FILE" ? endpointPath : source);
    QCOMPARE(QString::fromStdString(config->dataDir()), dataDir.path());
}

void TestBuilderCtl::tokenResolution_data()
{
    QTest::addColumn<QString>("flag");
    QTest::addColumn<QString>("env");
    QTest::addColumn<QByteArray>("tokenFile"); // empty: no file
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("source"); // "FILE" stands for the admin.token path

    QTest::newRow("flag wins") << "flag-token"
                               << "env-token" << QByteArray("file-token") << "flag-token"
                               << "--token";
    QTest::newRow("env over file") << ""
                                   << "env-token" << QByteArray("file-token") << "env-token"
                                   << "BUILDER_TOKEN";
    QTest::newRow("file trimmed") << ""
                                  << "" << QByteArray("  file-token \n") << "file-token"
                                  << "FILE";
    QTest::newRow("blank file") << ""
                                << "" << QByteArray("\n") << ""
                                << "";
    QTest::newRow("none") << ""
                          << "" << QByteArray() << ""
                          << "";
}

void TestBuilderCtl::tokenResolution()
{
    QFETCH(QString, flag);
    QFETCH(QString, env);
    QFETCH(QByteArray, tokenFile);
    QFETCH(QString, token);
    QFETCH(QString, source);

    QTemporaryDir dataDir;
    QVERIFY(dataDir.isValid());
    const QString tokenPath = dataDir.filePath("admin.token");
    if (!tokenFile.isEmpty())
        writeFile(tokenPath, tokenFile);

    QStringList args{"--data-dir", dataDir.path()};
    if (!flag.isEmpty())
        args << "--token" << flag;
    std::map<std::string, std::string> variables;
    if (!env.isEmpty())
        variables["BUILDER_TOKEN"] = env.toStdString();

    auto config = resolveWith(args, variables);
    QVERIFY(config.ok());
    QCOMPARE(QString::fromStdString(config->token()), token);
    QCOMPARE(QString::fromStdString(config->tokenSource()), source == "FILE" ? tokenPath : source);
}

void TestBuilderCtl::configOptions_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<qint64>("timeoutMs");
    QTest::addColumn<bool>("tls");
    QTest::addColumn<bool>("json");
    QTest::addColumn<QString>("error");

    QTest::newRow("defaults") << QStringList{} << qint64(30'000) << false << false << "";
    QTest::newRow("timeout seconds")
        << QStringList{"--timeout", "5"} << qint64(5'000) << false << false << "";
    QTest::newRow("timeout unit") << QStringList{"--timeout=250ms"} << qint64(250) << false << false
                                  << "";
    QTest::newRow("no deadline") << QStringList{"--timeout", "0"} << qint64(0) << false << false
                                 << "";
    QTest::newRow("json and tls") << QStringList{"--json", "--tls"} << qint64(30'000) << true
                                  << true << "";
    QTest::newRow("bad timeout") << QStringList{"--timeout", "soon"} << qint64(0) << false << false
                                 << "--timeout: expected a duration";
    QTest::newRow("url as server")
        << QStringList{"--server", "https://builder.example.com"} << qint64(0) << false << false
        << "--server: expected HOST:PORT, not a URL";
    QTest::newRow("missing ca file")
        << QStringList{"--ca-file", "/nonexistent/ca.pem"} << qint64(0) << false << false
        << "--ca-file: cannot read '/nonexistent/ca.pem'";
}

void TestBuilderCtl::configOptions()
{
    QFETCH(QStringList, args);
    QFETCH(qint64, timeoutMs);
    QFETCH(bool, tls);
    QFETCH(bool, json);
    QFETCH(QString, error);

    QTemporaryDir dataDir;
    QVERIFY(dataDir.isValid());
    auto config = resolveWith(QStringList{"--data-dir", dataDir.path()} + args, {});
    if (!error.isEmpty()) {
        QVERIFY(!config.ok());
        QVERIFY2(QString::fromStdString(config.error().message()).startsWith(error),
                 config.error().message().c_str());
        return;
    }
    QVERIFY(config.ok());
    QCOMPARE(qint64(config->timeout().count()), timeoutMs);
    QCOMPARE(config->tls(), tls);
    QCOMPARE(config->json(), json);
}

void TestBuilderCtl::loopback_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<bool>("loopback");

    QTest::newRow("ipv4") << "127.0.0.1:7700" << true;
    QTest::newRow("ipv4 other") << "127.0.1.1:7700" << true;
    QTest::newRow("localhost") << "localhost:7700" << true;
    QTest::newRow("ipv6") << "[::1]:7700" << true;
    QTest::newRow("dns scheme") << "dns:///localhost:7700" << true;
    QTest::newRow("unix") << "unix:/run/builder.sock" << true;
    QTest::newRow("remote name") << "builder.example.com:443" << false;
    QTest::newRow("private address") << "10.0.0.5:7700" << false;
    QTest::newRow("lookalike name") << "127.0.0.1.example.com:7700" << false;
    QTest::newRow("ipv4 without port") << "127.0.0.1" << true;
}

void TestBuilderCtl::loopback()
{
    QFETCH(QString, target);
    QFETCH(bool, loopback);
    QCOMPARE(ClientConfig::isLoopback(target.toStdString()), loopback);
}
