#include "TestBuilderCtl.h"

#include "builderctl/Cli.h"
#include "builderctl/Environment.h"

#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <sstream>

using namespace builder::ctl;

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run runCli(const QStringList& args, const QString& dataDir)
{
    std::vector<std::string> argv;
    if (!dataDir.isEmpty())
        argv = {"--data-dir", dataDir.toStdString()};
    for (const auto& arg : args)
        argv.push_back(arg.toStdString());
    std::ostringstream out;
    std::ostringstream err;
    const Cli cli;
    Run run;
    run.code = cli.run(argv, out, err, Environment::fromMap({}));
    run.out = QString::fromStdString(out.str());
    run.err = QString::fromStdString(err.str());
    return run;
}

// A loopback port nothing listens on: bound by the kernel, then released.
int closedPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        if (fd >= 0)
            ::close(fd);
        return -1;
    }
    ::close(fd);
    return ntohs(address.sin_port);
}

} // namespace

void TestBuilderCtl::cliUsage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("stdoutContains"); // empty: stdout must be empty
    QTest::addColumn<QString>("stderrContains"); // empty: stderr must be empty

    QTest::newRow("help") << QStringList{"help"} << 0 << "feature events"
                          << "";
    QTest::newRow("help lists exit codes")
        << QStringList{"--help"} << 0 << "3    cannot connect to builderd"
        << "";
    QTest::newRow("version") << QStringList{"--version"} << 0 << "builderctl "
                             << "";
    QTest::newRow("command help") << QStringList{"repo", "list", "--help"} << 0
                                  << "--page-token TOKEN"
                                  << "";
    QTest::newRow("help names the replay timeout")
        << QStringList{"help", "feature", "events"} << 0 << "500 ms"
        << "";
    QTest::newRow("group help") << QStringList{"repo", "-h"} << 0 << "repo credentials"
                                << "";
    QTest::newRow("help for unknown") << QStringList{"help", "frob"} << 2 << ""
                                      << "no help for unknown command 'frob'";
    QTest::newRow("no arguments") << QStringList{} << 2 << ""
                                  << "Usage: builderctl";
    QTest::newRow("unknown command") << QStringList{"frob"} << 2 << ""
                                     << "error: unknown command 'frob'";
    QTest::newRow("bad state") << QStringList{"feature", "search", "--state", "done"} << 2 << ""
                               << "--state: unknown value 'done' (valid: pending,";
    QTest::newRow("bad page size") << QStringList{"repo", "list", "--page-size", "many"} << 2 << ""
                                   << "--page-size: expected a whole number, got 'many'";
    QTest::newRow("bad timeout") << QStringList{"repo", "list", "--timeout", "-1"} << 2 << ""
                                 << "--timeout: expected a duration";
    QTest::newRow("bad property") << QStringList{"repo", "update", "r1", "--property", "x"} << 2
                                  << ""
                                  << "--property: expected KEY=VALUE, got 'x'";
    QTest::newRow("nothing to update") << QStringList{"repo", "update", "r1"} << 2 << ""
                                       << "nothing to update";
    QTest::newRow("get needs one key") << QStringList{"repo", "get", "r1", "--name", "n"} << 2 << ""
                                       << "give either a repository ID or --name NAME";
    QTest::newRow("feature get needs one key") << QStringList{"feature", "get"} << 2 << ""
                                               << "give either an execution ID or --correlation";
    QTest::newRow("missing description")
        << QStringList{"feature", "create", "--repo", "r1", "--title", "t"} << 2 << ""
        << "missing --description TEXT or --description-file FILE";
    QTest::newRow("two descriptions") << QStringList{"feature",
                                                     "create",
                                                     "--repo",
                                                     "r1",
                                                     "--title",
                                                     "t",
                                                     "--description",
                                                     "d",
                                                     "--description-file",
                                                     "f"}
                                      << 2 << ""
                                      << "give --description or --description-file, not both";
    QTest::newRow("missing repo") << QStringList{"feature", "create", "--title", "t"} << 2 << ""
                                  << "missing --repo ID";
    QTest::newRow("bad max steps")
        << QStringList{"feature", "create",        "--repo",      "r",           "--title",
                       "t",       "--description", "long enough", "--max-steps", "five"}
        << 2 << ""
        << "--max-steps: expected a whole number";
    QTest::newRow("bad created after")
        << QStringList{"feature", "search", "--created-after", "last week"} << 2 << ""
        << "--created-after: expected RFC 3339";
    QTest::newRow("exit status needs follow")
        << QStringList{"feature", "events", "e1", "--exit-status"} << 2 << ""
        << "--exit-status needs --follow";
    QTest::newRow("negative from step")
        << QStringList{"feature", "retry", "e1", "--from-step", "-1"} << 2 << ""
        << "--from-step: expected a step index";
    QTest::newRow("usage hint names the command")
        << QStringList{"repo", "list", "--page-size", "x"} << 2 << ""
        << "Run 'builderctl repo list --help' for usage.";
}

void TestBuilderCtl::cliUsage()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, stdoutContains);
    QFETCH(QString, stderrContains);

    QTemporaryDir dataDir;
    QVERIFY(dataDir.isValid());
    const Run run = runCli(args, args.isEmpty() ? QString() : dataDir.path());
    QCOMPARE(run.code, code);
    if (stdoutContains.isEmpty())
        QVERIFY2(run.out.isEmpty(), qPrintable(run.out));
    else
        QVERIFY2(run.out.contains(stdoutContains), qPrintable(run.out));
    if (stderrContains.isEmpty())
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    else
        QVERIFY2(run.err.contains(stderrContains), qPrintable(run.err));
}

void TestBuilderCtl::cliUnreachable_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("source");

    QTest::newRow("list") << QStringList{"repo", "list", "--server", "SERVER"} << "from --server";
    QTest::newRow("get")
        << QStringList{"feature",  "get",    "11111111-2222-3333-4444-555555555555",
                       "--server", "SERVER", "--json"}
        << "from --server";
    QTest::newRow("follow") << QStringList{"--server",
                                           "SERVER",
                                           "feature",
                                           "events",
                                           "11111111-2222-3333-4444-555555555555",
                                           "--follow"}
                            << "from --server";
    QTest::newRow("endpoint file") << QStringList{"repo", "validate", "r1"} << "endpoint.json";
}

void TestBuilderCtl::cliUnreachable()
{
    QFETCH(QStringList, args);
    QFETCH(QString, source);

    const int port = closedPort();
    QVERIFY(port > 0);
    const QString server = QString("127.0.0.1:%1").arg(port);
    QTemporaryDir dataDir;
    QVERIFY(dataDir.isValid());
    {
        // A stale endpoint.json from a builderd that is gone, and its token.
        QFile endpoint(dataDir.filePath("endpoint.json"));
        QVERIFY(endpoint.open(QIODevice::WriteOnly));
        endpoint.write(QString(R"({"grpc":"%1"})").arg(server).toUtf8());
        QFile token(dataDir.filePath("admin.token"));
        QVERIFY(token.open(QIODevice::WriteOnly));
        token.write("s3cret-admin-token\n");
    }
    args.replaceInStrings("SERVER", server);
    args << "--timeout"
         << "20";

    const Run run = runCli(args, dataDir.path());
    QCOMPARE(run.code, 3);
    QVERIFY2(run.out.isEmpty(), qPrintable(run.out));
    QVERIFY2(run.err.contains("cannot connect to builderd at " + server), qPrintable(run.err));
    QVERIFY2(run.err.contains(source), qPrintable(run.err));
    QVERIFY2(run.err.contains("builderd serve"), qPrintable(run.err));
    QVERIFY2(!run.err.contains("s3cret-admin-token"), "the token was printed");
}
