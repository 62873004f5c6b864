// `builderctl review` run in-process through Cli: exit codes per decision, the
// text and JSON output, stdin, the report file, thresholds from the environment
// and options, and usage errors.
#include "SecretSamples.h"
#include "builderctl/Cli.h"
#include "builderctl/Environment.h"
#include "builderctl/ReviewCommands.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>
#include <sstream>
#include <unistd.h>

using builder::ctl::Cli;
using builder::ctl::Environment;
using builder::ctl::ReviewCommands;
using S = builder::testing::SecretSamples;

namespace {

std::string addedFile(const std::string& path, const std::vector<std::string>& lines)
{
    std::string text = "diff --git a/" + path + " b/" + path +
                       "\nnew file mode 100644\n--- /dev/null\n+++ b/" + path + "\n@@ -0,0 +1," +
                       std::to_string(lines.size()) + " @@\n";
    for (const auto& line : lines)
        text += "+" + line + "\n";
    return text;
}

struct Run
{
    int code = -1;
    std::string out;
    std::string err;
};

} // namespace

class TestReviewCommand : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void exitCodes_data();
    void exitCodes();
    void textOutput();
    void jsonOutput();
    void stdinAndReportFile();
    void thresholdsFromEnvironmentAndOptions();
    void usageErrors_data();
    void usageErrors();
    void helpMentionsExitCodes();

private:
    std::string write(const std::string& name, const std::string& content);
    Run run(std::vector<std::string> args, std::map<std::string, std::string> env = {});

    QTemporaryDir m_dir;
    std::string m_clean, m_iterate, m_manual, m_abort;
};

std::string TestReviewCommand::write(const std::string& name, const std::string& content)
{
    const std::string path = m_dir.path().toStdString() + "/" + name;
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", path.c_str());
    file.write(content.data(), static_cast<qint64>(content.size()));
    return path;
}

Run TestReviewCommand::run(std::vector<std::string> args, std::map<std::string, std::string> env)
{
    env.emplace("HOME", m_dir.path().toStdString());
    std::ostringstream out, err;
    Run result;
    result.code = Cli().run(args, out, err, Environment::fromMap(env));
    result.out = out.str();
    result.err = err.str();
    return result;
}

void TestReviewCommand::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_clean = write("clean.patch", addedFile("src/greet.go", {"package src", "func Greet() {}"}));
    // Three high findings (> MAX_HIGH_ISSUES=2), all fixable by another round.
    m_iterate =
        write("iterate.patch", addedFile("app/x.py", {"obj = pickle.loads(data)", "eval(code)",
                                                      "requests.get(u, verify=False)"}));
    // Three CI changes: high, nothing a new round can fix.
    m_manual = write("manual.patch", addedFile(".github/workflows/a.yml", {"on: push"}) +
                                         addedFile(".github/workflows/b.yml", {"on: push"}) +
                                         addedFile(".gitlab-ci.yml", {"stages: [test]"}));
    m_abort = write("abort.patch",
                    addedFile("deploy/keys.py", {"KEY = \"AK"
                                                 "IA" +
                                                 S::random(S::kUpperBase32, 16, 5) + "\""}));
}

void TestReviewCommand::exitCodes_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<int>("code");
    QTest::addRow("approve") << 0 << ReviewCommands::kApprove;
    QTest::addRow("iterate") << 1 << ReviewCommands::kIterate;
    QTest::addRow("manual_review") << 2 << ReviewCommands::kManualReview;
    QTest::addRow("abort") << 3 << ReviewCommands::kAbort;
}

void TestReviewCommand::exitCodes()
{
    QFETCH(int, which);
    QFETCH(int, code);
    const std::string* patches[] = {&m_clean, &m_iterate, &m_manual, &m_abort};
    const Run r = run({"review", "--diff", *patches[which]});
    QVERIFY2(r.code == code, (r.out + r.err).c_str());
    QVERIFY(r.err.empty());
    QVERIFY(r.out.find("Decision: ") != std::string::npos);
}

void TestReviewCommand::textOutput()
{
    const Run r = run({"review", "--diff", m_iterate});
    QCOMPARE(r.code, ReviewCommands::kIterate);
    for (const char* part :
         {"SEVERITY", "RULE", "LOCATION", "HIGH", "py-pickle", "app/x.py:1", "py-eval",
          "app/x.py:2", "Fixes:", "Risk score: ", "Decision: iterate"})
        QVERIFY2(r.out.find(part) != std::string::npos, part);
    const Run clean = run({"review", "--diff", m_clean});
    QVERIFY(clean.out.find("No findings.") != std::string::npos);
    QVERIFY(clean.out.find("Decision: approve") != std::string::npos);
}

void TestReviewCommand::jsonOutput()
{
    const Run r = run({"review", "--diff", m_abort, "--json"});
    QCOMPARE(r.code, ReviewCommands::kAbort);
    QJsonParseError error;
    const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(r.out), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, r.out.c_str());
    const QJsonObject o = doc.object();
    QCOMPARE(o["decision"].toString(), QString("REVIEW_DECISION_ABORT"));
    QVERIFY(o["risk_score"].toInt() > 0);
    const QJsonArray findings = o["findings"].toArray();
    QCOMPARE(findings.size(), 1);
    const QJsonObject f = findings[0].toObject();
    QCOMPARE(f["rule_id"].toString(), QString("aws-access-key-id"));
    QCOMPARE(f["severity"].toString(), QString("SEVERITY_CRITICAL"));
    QCOMPARE(f["source"].toString(), QString("FINDING_SOURCE_SECRETS"));
    QCOMPARE(f["file"].toString(), QString("deploy/keys.py"));
    QCOMPARE(f["line"].toInt(), 1);
    QVERIFY(!f["fix_hint"].toString().isEmpty());
    QVERIFY(f["message"].toString().contains("(redacted)"));
    QVERIFY(!QString::fromStdString(r.out).contains(
        QString::fromStdString(S::random(S::kUpperBase32, 16, 5))));
}

void TestReviewCommand::stdinAndReportFile()
{
    // '-' reads stdin: point stdin at the patch for this call.
    FILE* in = std::freopen(m_iterate.c_str(), "r", stdin);
    QVERIFY(in);
    const std::string report = m_dir.path().toStdString() + "/report.md";
    const Run r = run({"review", "--diff", "-", "--report", report});
    std::freopen("/dev/null", "r", stdin);
    QCOMPARE(r.code, ReviewCommands::kIterate);
    QFile file(QString::fromStdString(report));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray markdown = file.readAll();
    QVERIFY(markdown.contains("# Automated review"));
    QVERIFY(markdown.contains("`py-pickle`"));
    const std::string jsonReport = m_dir.path().toStdString() + "/report.json";
    QCOMPARE(run({"review", "--diff", m_iterate, "--report", jsonReport}).code,
             ReviewCommands::kIterate);
    QFile jsonFile(QString::fromStdString(jsonReport));
    QVERIFY(jsonFile.open(QIODevice::ReadOnly));
    const auto doc = QJsonDocument::fromJson(jsonFile.readAll());
    QCOMPARE(doc.object()["decision"].toString(), QString("iterate"));
    QCOMPARE(doc.object()["findings"].toArray().size(), 3);
}

void TestReviewCommand::thresholdsFromEnvironmentAndOptions()
{
    QCOMPARE(
        run({"review", "--diff", m_iterate}, {{"MAX_HIGH_ISSUES", "5"}, {"MAX_RISK_SCORE", "90"}})
            .code,
        ReviewCommands::kApprove);
    QCOMPARE(run({"review", "--diff", m_iterate, "--max-high", "5", "--max-risk-score", "90"}).code,
             ReviewCommands::kApprove);
    // Options win over the environment.
    QCOMPARE(
        run({"review", "--diff", m_iterate, "--max-high", "2"}, {{"MAX_HIGH_ISSUES", "5"}}).code,
        ReviewCommands::kIterate);
    QCOMPARE(run({"review", "--diff", m_iterate, "--iteration", "3"}).code,
             ReviewCommands::kManualReview);
    QCOMPARE(run({"review", "--diff", m_abort, "--block-on-secrets", "false"}).code,
             ReviewCommands::kIterate);
    QCOMPARE(run({"review", "--diff", m_clean, "--forbidden", "src/**"}).code,
             ReviewCommands::kAbort);
    const Run planned = run({"review", "--diff", m_clean, "--plan-file", "src/other.go"});
    QVERIFY(planned.out.find("policy-outside-plan") != std::string::npos);
    const Run badEnv = run({"review", "--diff", m_clean}, {{"MAX_RISK_SCORE", "lots"}});
    QCOMPARE(badEnv.code, 2);
    QVERIFY(badEnv.err.find("MAX_RISK_SCORE") != std::string::npos);
}

void TestReviewCommand::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::addRow("no --diff") << QStringList{"review"} << "--diff is required";
    QTest::addRow("missing file") << QStringList{"review", "--diff", "/nonexistent/x.patch"}
                                  << "diff";
    QTest::addRow("bad number") << QStringList{"review", "--diff", "x", "--max-high", "-1"}
                                << "--max-high";
    QTest::addRow("bad bool") << QStringList{"review", "--diff", "x", "--block-on-secrets", "maybe"}
                              << "--block-on-secrets";
    QTest::addRow("unknown option")
        << QStringList{"review", "--diff", "x", "--frobnicate"} << "--frobnicate";
}

void TestReviewCommand::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    std::vector<std::string> argv;
    for (const auto& a : args)
        argv.push_back(a.toStdString());
    const Run r = run(argv);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.find(message.toStdString()) != std::string::npos, r.err.c_str());
    QVERIFY(r.out.empty());

    const std::string bad = write("bad.patch", "--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\n");
    const Run malformed = run({"review", "--diff", bad});
    QCOMPARE(malformed.code, 2);
    QVERIFY2(malformed.err.find("line 4") != std::string::npos, malformed.err.c_str());
}

void TestReviewCommand::helpMentionsExitCodes()
{
    const Run r = run({"review", "--help"});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.find("--diff FILE") != std::string::npos);
    QVERIFY(r.out.find("10 iterate") != std::string::npos);
    const Run list = run({"help"});
    QVERIFY(list.out.find("review") != std::string::npos);
}

QTEST_GUILESS_MAIN(TestReviewCommand)
#include "test_review_command.moc"
