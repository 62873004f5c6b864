// `builderctl localize`: table and JSON output on a real fixture repository,
// usage errors, help, and that no builderd is needed.
#include "LocalizeFixture.h"

#include "builderctl/Cli.h"
#include "builderctl/ClientConfig.h"
#include "builderctl/Environment.h"
#include "builderctl/LocalizeCommands.h"
#include "builderctl/LocalizeSource.h"
#include "builderctl/Printer.h"
#include "builderctl/Session.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sstream>

using namespace builder;
using namespace builder::ctl;

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run runCli(const QStringList& args)
{
    std::vector<std::string> argv;
    for (const auto& arg : args)
        argv.push_back(arg.toStdString());
    std::ostringstream out;
    std::ostringstream err;
    const Cli cli;
    // No server anywhere: an offline command must not care.
    const auto env = Environment::fromMap({{"BUILDER_SERVER", "127.0.0.1:1"}});
    Run run;
    run.code = cli.run(argv, out, err, env);
    run.out = QString::fromStdString(out.str());
    run.err = QString::fromStdString(err.str());
    return run;
}

// A source that answers without touching the disk, as a remote one would.
class CannedSource : public LocalizeSource
{
public:
    common::Result<localize::LocalizeResult>
    localize(const localize::LocalizeRequest& request) override
    {
        m_request = request;
        localize::LocalizeResult result;
        localize::RankedFile file;
        file.path = "remote/Answer.cpp";
        file.score = 1.5;
        file.matchedSymbols.push_back({"answer", localize::SymbolKind::Function, 3});
        result.ranking.files.push_back(file);
        result.ranking.totalFiles = 1;
        result.ranking.matchedFiles = 1;
        result.excerpts.costs.push_back({"remote/Answer.cpp", 40, 12});
        return result;
    }
    localize::LocalizeRequest m_request;
};

} // namespace

class TestBuilderctlLocalize : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void table();
    void json();
    void usageErrors_data();
    void usageErrors();
    void help();
    void otherSource();

private:
    QTemporaryDir m_repo;
    QTemporaryDir m_files;
    QString m_spec;
};

void TestBuilderctlLocalize::initTestCase()
{
    QVERIFY(m_repo.isValid() && m_files.isValid());
    QVERIFY(LocalizeFixture::writeServiceTree(m_repo.path()));
    QVERIFY(LocalizeFixture::git(m_repo.path(), {"init", "-q", "."}));
    QVERIFY(LocalizeFixture::git(m_repo.path(), {"add", "-A"}));
    QVERIFY(LocalizeFixture::git(m_repo.path(), {"commit", "-q", "-m", "init"}));
    m_spec = m_files.filePath("spec.md");
    QVERIFY(LocalizeFixture::write(m_files.path(), "spec.md",
                                   "Add per-client rate limiting: allowRequest must refill "
                                   "tokens and throttle clients over the limit.\n"));
    QVERIFY(LocalizeFixture::write(m_files.path(), "empty.md", "  \n"));
}

void TestBuilderctlLocalize::table()
{
    const Run run = runCli({"localize", "--repo", m_repo.path(), "--spec", m_spec, "--top", "3",
                            "--no-cache", "--symbols", "builtin"});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY(run.err.isEmpty());
    const QStringList lines = run.out.split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 5); // header, 3 rows, summary
    QVERIFY(lines[0].startsWith("RANK  SCORE"));
    QVERIFY(lines[0].contains("SYMBOLS") && lines[0].contains("TOKENS"));
    QVERIFY2(lines[1].startsWith("1 ") && lines[1].contains("gateway/RateLimiter"),
             qPrintable(lines[1]));
    QVERIFY(lines[1].contains("allowRequest"));
    QVERIFY(lines[4].contains("of 6 files matched (6 indexed)"));
    QVERIFY(lines[4].contains("of 8000 tokens"));
}

void TestBuilderctlLocalize::json()
{
    const Run run = runCli({"--json", "localize", "--repo", m_repo.path(), "--spec", m_spec,
                            "--budget", "200", "--no-cache"});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY(run.out.endsWith('\n'));
    QCOMPARE(run.out.count('\n'), 1);
    QJsonParseError error{};
    const auto document = QJsonDocument::fromJson(run.out.toUtf8(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject root = document.object();
    QCOMPARE(root["git"].toBool(), true);
    QCOMPARE(root["total_files"].toInt(), 6);
    const QJsonArray files = root["files"].toArray();
    QVERIFY(!files.isEmpty());
    const QJsonObject first = files[0].toObject();
    QVERIFY(first["path"].toString().startsWith("gateway/RateLimiter"));
    QCOMPARE(first["rank"].toInt(), 1);
    QVERIFY(first["score"].toDouble() > 0.0);
    // .h is C by its name alone; .cpp is C++.
    QCOMPARE(first["language"].toString(),
             QString(first["path"].toString().endsWith(".h") ? "c" : "cpp"));
    QVERIFY(first["matched_terms"].toArray().contains(QString("refill")));
    QVERIFY(!first["matched_symbols"].toArray().isEmpty());
    QVERIFY(first["matched_symbols"].toArray()[0].toObject().contains("line"));
    const QJsonObject excerpts = root["excerpts"].toObject();
    QCOMPARE(excerpts["token_budget"].toInt(), 200);
    QVERIFY(excerpts["tokens_used"].toInt() <= 200);
    QVERIFY(!excerpts["items"].toArray().isEmpty());
    QVERIFY(excerpts["items"].toArray()[0].toObject()["text"].toString().size() > 0);
}

void TestBuilderctlLocalize::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("stderrContains");
    const QString repo = m_repo.path();
    QTest::newRow("no repo") << QStringList{"localize", "--spec", m_spec} << 2
                             << "--repo is required";
    QTest::newRow("no spec") << QStringList{"localize", "--repo", repo} << 2
                             << "--spec is required";
    QTest::newRow("registered name needs the server")
        << QStringList{"localize", "--repo", "payments-api", "--spec", m_spec} << 1
        << "registered repositories are ranked by builderd";
    QTest::newRow("missing spec file")
        << QStringList{"localize", "--repo", repo, "--spec", m_files.filePath("nope.md")} << 2
        << "--spec: cannot read";
    QTest::newRow("empty spec") << QStringList{"localize", "--repo", repo, "--spec",
                                               m_files.filePath("empty.md")}
                                << 2 << "query: query must not be empty";
    QTest::newRow("top zero") << QStringList{"localize", "--repo", repo, "--spec",
                                             m_spec,     "--top",  "0"}
                              << 2 << "--top: must be between 1 and 1000";
    QTest::newRow("bad symbols") << QStringList{"localize", "--repo",    repo,   "--spec",
                                                m_spec,     "--symbols", "regex"}
                                 << 2 << "--symbols: expected auto, builtin or ctags";
    QTest::newRow("unknown option") << QStringList{"localize", "--repo", repo, "--frobnicate"} << 2
                                    << "unknown option --frobnicate";
}

void TestBuilderctlLocalize::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, stderrContains);
    const Run run = runCli(args);
    QCOMPARE(run.code, code);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains(stderrContains), qPrintable(run.err));
}

void TestBuilderctlLocalize::help()
{
    const Run command = runCli({"localize", "--help"});
    QCOMPARE(command.code, 0);
    QVERIFY(command.out.contains("--spec FILE"));
    QVERIFY(command.out.contains("builderd is not needed"));
    const Run program = runCli({"help"});
    QCOMPARE(program.code, 0);
    QVERIFY(program.out.contains("Commands (localize)"));
    QVERIFY(program.out.contains("repo list")); // the other commands are untouched
}

void TestBuilderctlLocalize::otherSource()
{
    ParsedArgs args;
    args.add("repo", m_repo.path().toStdString());
    args.add("spec", m_spec.toStdString());
    args.add("top", "5");
    const auto env = Environment::fromMap({});
    auto config = ClientConfig::resolve(ParsedArgs(), env);
    QVERIFY(config.ok());
    std::ostringstream out;
    std::ostringstream err;
    Printer printer(false, out);
    Session session(std::move(*config), env, printer, err, "localize");
    CannedSource source;
    QCOMPARE(LocalizeCommands::run(args, session, source), 0);
    QCOMPARE(source.m_request.topK, std::size_t{5});
    QVERIFY(source.m_request.query.find("rate limiting") != std::string::npos);
    QVERIFY(source.m_request.cacheDir.empty()); // no HOME, no XDG_CACHE_HOME: no cache
    const QString text = QString::fromStdString(out.str());
    QVERIFY2(text.contains("remote/Answer.cpp") && text.contains("answer") && text.contains("12"),
             qPrintable(text));
}

QTEST_GUILESS_MAIN(TestBuilderctlLocalize)
#include "test_builderctl_localize.moc"
