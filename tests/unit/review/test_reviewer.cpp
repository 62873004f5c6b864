// The Reviewer end to end: risk-score formula and determinism, every row of the
// decision table, operator knobs from the environment, the model-opinion merge
// with a fake ModelReviewer, and the Markdown/JSON reports (all findings, no secret).
#include "SecretSamples.h"
#include "review/DecisionTable.h"
#include "review/ReportRenderer.h"
#include "review/Reviewer.h"
#include "review/RiskScore.h"

#include <QtTest>

#include <cmath>
#include <map>

using namespace builder::review;
using S = builder::testing::SecretSamples;

namespace {

Finding finding(const char* rule, Severity severity, FindingSource source, int line = 1)
{
    Finding f;
    f.ruleId = rule;
    f.severity = severity;
    f.source = source;
    f.file = "src/a.py";
    f.line = line;
    f.message = std::string("m ") + rule;
    return f;
}

std::string addedFile(const std::string& path, const std::vector<std::string>& lines)
{
    std::string text = "diff --git a/" + path + " b/" + path +
                       "\nnew file mode 100644\n--- /dev/null\n+++ b/" + path + "\n@@ -0,0 +1," +
                       std::to_string(lines.size()) + " @@\n";
    for (const auto& line : lines)
        text += "+" + line + "\n";
    return text;
}

// A ModelReviewer that returns what it was given, and remembers what it saw.
class FakeModel : public ModelReviewer
{
public:
    std::vector<Finding> answer;
    bool fail = false;
    std::string sawDiff;
    std::vector<std::string> sawFiles;

    builder::common::Result<std::vector<Finding>>
    review(std::string_view diffText, const std::vector<std::string>& files) override
    {
        sawDiff = std::string(diffText);
        sawFiles = files;
        if (fail)
            return builder::common::Error::unavailable("provider down");
        return answer;
    }
};

} // namespace

class TestReviewer : public QObject
{
    Q_OBJECT

private slots:
    void riskScoreFormula();
    void riskScoreIsDeterministic();
    void decisionTable_data();
    void decisionTable();
    void thresholdsFromEnvironment();
    void endToEnd();
    void cleanDiffIsApproved();
    void newFileContentsAreScannedWhole();
    void modelOpinionsAreMergedAndMarked();
    void modelFailureIsReportedNotFatal();
    void reportsCarryEveryFindingAndNoSecret();
    void malformedPatchIsAnError();
};

void TestReviewer::riskScoreFormula()
{
    QCOMPARE(RiskScore::compute({}), 0);
    // One high security finding: w = 20 * 1.0 -> 100 * (1 - e^(-20/80)) = 22.1
    QCOMPARE(RiskScore::compute({finding("r", Severity::High, FindingSource::Security)}), 22);
    // A critical secret: 40 * 1.5 = 60 -> 52.8
    QCOMPARE(RiskScore::compute({finding("s", Severity::Critical, FindingSource::Secrets)}), 53);
    // A medium policy finding: 8 * 0.75 = 6 -> 7.2
    QCOMPARE(RiskScore::compute({finding("p", Severity::Medium, FindingSource::Policy)}), 7);
    // Repeats of one rule: 20 + 10 + 5 = 35 -> 35.4
    QCOMPARE(RiskScore::compute({finding("r", Severity::High, FindingSource::Security, 1),
                                 finding("r", Severity::High, FindingSource::Security, 2),
                                 finding("r", Severity::High, FindingSource::Security, 3)}),
             35);
    // Different rules add in full: 20 + 20 + 20 = 60 -> 52.8
    QCOMPARE(RiskScore::compute({finding("a", Severity::High, FindingSource::Security),
                                 finding("b", Severity::High, FindingSource::Security),
                                 finding("c", Severity::High, FindingSource::Security)}),
             53);
    // Model opinions count half.
    QCOMPARE(RiskScore::rawPoints({finding("m", Severity::High, FindingSource::Model)}), 10.0);
    // Saturates below 100 and never exceeds it.
    std::vector<Finding> many;
    for (int i = 0; i < 200; ++i)
        many.push_back(
            finding(("r" + std::to_string(i)).c_str(), Severity::Critical, FindingSource::Secrets));
    QCOMPARE(RiskScore::compute(many), 100);
}

void TestReviewer::riskScoreIsDeterministic()
{
    std::vector<Finding> findings = {finding("a", Severity::High, FindingSource::Security, 3),
                                     finding("a", Severity::Low, FindingSource::Security, 1),
                                     finding("b", Severity::Medium, FindingSource::Policy, 2),
                                     finding("a", Severity::Medium, FindingSource::Security, 9)};
    const int first = RiskScore::compute(findings);
    std::reverse(findings.begin(), findings.end());
    QCOMPARE(RiskScore::compute(findings), first);
    std::swap(findings[0], findings[2]);
    QCOMPARE(RiskScore::compute(findings), first);

    const std::string patch = addedFile("app/x.py", {"subprocess.call(\"ls \" + p, shell=True)",
                                                     "obj = pickle.loads(data)", "eval(code)"});
    const Reviewer reviewer;
    const auto a = reviewer.reviewPatch(patch, {});
    const auto b = reviewer.reviewPatch(patch, {});
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(a->riskScore, b->riskScore);
    QCOMPARE(a->findings, b->findings);
    QCOMPARE(ReportRenderer::json(*a), ReportRenderer::json(*b));
}

void TestReviewer::decisionTable_data()
{
    QTest::addColumn<int>("critical");
    QTest::addColumn<int>("high");
    QTest::addColumn<int>("secrets");
    QTest::addColumn<int>("forbidden");
    QTest::addColumn<int>("fixable");
    QTest::addColumn<int>("score");
    QTest::addColumn<bool>("blockOnSecrets");
    QTest::addColumn<int>("iteration");
    QTest::addColumn<int>("decision");

    const int A = int(Decision::Approve), I = int(Decision::Iterate),
              M = int(Decision::ManualReview), X = int(Decision::Abort);
    QTest::addRow("1 secret blocks: abort") << 1 << 0 << 1 << 0 << 1 << 53 << true << 1 << X;
    QTest::addRow("1 secret, BLOCK_ON_SECRETS off: iterate")
        << 1 << 0 << 1 << 0 << 1 << 53 << false << 1 << I;
    QTest::addRow("2 forbidden path: abort") << 1 << 0 << 0 << 1 << 0 << 33 << true << 1 << X;
    QTest::addRow("3 nothing over: approve") << 0 << 2 << 0 << 0 << 2 << 40 << true << 1 << A;
    QTest::addRow("3 score at the limit: approve") << 0 << 0 << 0 << 0 << 3 << 50 << true << 1 << A;
    QTest::addRow("4 critical, fixable: iterate") << 1 << 0 << 0 << 0 << 1 << 39 << true << 1 << I;
    QTest::addRow("4 too many highs, fixable: iterate")
        << 0 << 3 << 0 << 0 << 3 << 53 << true << 2 << I;
    QTest::addRow("4 score over, fixable: iterate")
        << 0 << 1 << 0 << 0 << 5 << 51 << true << 1 << I;
    QTest::addRow("5 iterations used up: manual_review")
        << 1 << 0 << 0 << 0 << 1 << 39 << true << 3 << M;
    QTest::addRow("6 nothing fixable: manual_review")
        << 0 << 3 << 0 << 0 << 0 << 42 << true << 1 << M;
}

void TestReviewer::decisionTable()
{
    QFETCH(int, critical);
    QFETCH(int, high);
    QFETCH(int, secrets);
    QFETCH(int, forbidden);
    QFETCH(int, fixable);
    QFETCH(int, score);
    QFETCH(bool, blockOnSecrets);
    QFETCH(int, iteration);
    QFETCH(int, decision);
    FindingCounts counts;
    counts.critical = critical;
    counts.high = high;
    counts.secrets = secrets;
    counts.forbiddenPaths = forbidden;
    counts.fixable = fixable;
    Thresholds thresholds;
    thresholds.blockOnSecrets = blockOnSecrets;
    const auto result = DecisionTable::decide(counts, score, thresholds, iteration, 3);
    QVERIFY2(int(result.decision) == decision, result.reason.c_str());
    QVERIFY(!result.reason.empty());
}

void TestReviewer::thresholdsFromEnvironment()
{
    std::map<std::string, std::string> env = {{"MAX_RISK_SCORE", "70"},
                                              {"MAX_CRITICAL_ISSUES", "1"},
                                              {"MAX_HIGH_ISSUES", "5"},
                                              {"BLOCK_ON_SECRETS", "false"},
                                              {"MAX_ITERATIONS", "7"}};
    auto lookup = [&env](const std::string& name) -> std::optional<std::string> {
        const auto it = env.find(name);
        return it == env.end() ? std::nullopt : std::optional<std::string>(it->second);
    };
    auto t = Thresholds::fromEnvironment(lookup);
    QVERIFY(t.ok());
    QCOMPARE(t->maxRiskScore, 70);
    QCOMPARE(t->maxCriticalIssues, 1);
    QCOMPARE(t->maxHighIssues, 5);
    QCOMPARE(t->blockOnSecrets, false);
    QCOMPARE(*Thresholds::maxIterationsFromEnvironment(lookup), 7);

    const auto defaults =
        Thresholds::fromEnvironment([](const std::string&) { return std::nullopt; });
    QVERIFY(defaults.ok());
    QCOMPARE(defaults->maxRiskScore, 50);
    QCOMPARE(defaults->maxCriticalIssues, 0);
    QCOMPARE(defaults->maxHighIssues, 2);
    QCOMPARE(defaults->blockOnSecrets, true);

    env = {{"MAX_RISK_SCORE", "150"}, {"BLOCK_ON_SECRETS", "maybe"}};
    const auto bad = Thresholds::fromEnvironment(lookup);
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().violations().size(), std::size_t(2));
    QCOMPARE(bad.error().violations()[0].fieldPath, std::string("MAX_RISK_SCORE"));
    QCOMPARE(bad.error().violations()[1].fieldPath, std::string("BLOCK_ON_SECRETS"));
}

void TestReviewer::endToEnd()
{
    const std::string patch =
        addedFile("app/run.py", {"import subprocess", "subprocess.call(\"ls \" + p, shell=True)"}) +
        addedFile(".github/workflows/ci.yml", {"on: push"});
    const Reviewer reviewer;
    ReviewInput options;
    options.iteration = 1;
    options.maxIterations = 3;
    auto report = reviewer.reviewPatch(patch, options);
    QVERIFY(report.ok());
    QCOMPARE(report->findings.size(), std::size_t(2));
    QCOMPARE(report->findings[0].ruleId,
             std::string("policy-ci-change")); // file order after severity
    QCOMPARE(report->findings[1].ruleId, std::string("py-subprocess-shell-formatted"));
    QCOMPARE(report->findings[1].line, 2);
    for (const auto& f : report->findings)
        QCOMPARE(f.id.size(), std::size_t(16));
    QCOMPARE(report->counts.high, 2);
    // Two highs are allowed (MAX_HIGH_ISSUES=2) and the score (40) is under 50.
    QCOMPARE(report->decision, Decision::Approve);
    QCOMPARE(report->filesReviewed, 2);

    options.thresholds.maxHighIssues = 1;
    report = reviewer.reviewPatch(patch, options);
    QCOMPARE(report->decision, Decision::Iterate);
    options.iteration = 3;
    report = reviewer.reviewPatch(patch, options);
    QCOMPARE(report->decision, Decision::ManualReview);
    QVERIFY(report->summary.find("iterations exhausted") != std::string::npos);
}

void TestReviewer::cleanDiffIsApproved()
{
    const Reviewer reviewer;
    const auto report = reviewer.reviewPatch(
        addedFile("src/greeting.go", {"package src", "", "func Greet(name string) string {",
                                      "\treturn \"Hello, \" + name + \"!\"", "}"}),
        {});
    QVERIFY(report.ok());
    QVERIFY(report->findings.empty());
    QCOMPARE(report->riskScore, 0);
    QCOMPARE(report->decision, Decision::Approve);
}

void TestReviewer::newFileContentsAreScannedWhole()
{
    // The diff shows one line; the full content given for the added file has the secret.
    const std::string akia = "AK"
                             "IA" +
                             S::random(S::kUpperBase32, 16, 90);
    ReviewInput options;
    options.newContents["conf/keys.py"] = "# keys\nKEY = \"" + akia + "\"\n";
    const auto report = Reviewer().reviewPatch(addedFile("conf/keys.py", {"# keys"}), options);
    QVERIFY(report.ok());
    QCOMPARE(report->findings.size(), std::size_t(1));
    QCOMPARE(report->findings[0].ruleId, std::string("aws-access-key-id"));
    QCOMPARE(report->findings[0].line, 2);
    QCOMPARE(report->decision, Decision::Abort);
}

void TestReviewer::modelOpinionsAreMergedAndMarked()
{
    FakeModel model;
    Finding opinion = finding("api-break", Severity::Critical, FindingSource::Security, 4);
    opinion.file = "src/greeting.go";
    opinion.message = "Greet's signature changed; callers in cmd/ break";
    model.answer = {opinion};
    const Reviewer reviewer(&model);
    const std::string patch = addedFile("src/greeting.go", {"package src"});
    const auto report = reviewer.reviewPatch(patch, {});
    QVERIFY(report.ok());
    QCOMPARE(model.sawDiff, patch);
    QCOMPARE(model.sawFiles, std::vector<std::string>{"src/greeting.go"});
    QCOMPARE(report->findings.size(), std::size_t(1));
    const Finding& f = report->findings[0];
    QCOMPARE(f.source, FindingSource::Model);
    QCOMPARE(f.ruleId, std::string("model-api-break"));
    QCOMPARE(f.severity, Severity::High); // opinions are capped at high
    QVERIFY(f.message.rfind(Reviewer::kModelPrefix, 0) == 0);
    QCOMPARE(report->counts.model, 1);
    QCOMPARE(report->counts.high, 0); // opinions stay out of the decision counts
    QCOMPARE(report->riskScore, RiskScore::compute(report->findings));
    QCOMPARE(report->decision, Decision::Approve);
}

void TestReviewer::modelFailureIsReportedNotFatal()
{
    FakeModel model;
    model.fail = true;
    const auto report = Reviewer(&model).reviewPatch(addedFile("a.py", {"eval(x)"}), {});
    QVERIFY(report.ok());
    QCOMPARE(report->findings.size(), std::size_t(1));
    QVERIFY(report->modelError.find("provider down") != std::string::npos);
    QVERIFY(report->summary.find("model review failed") != std::string::npos);
    QVERIFY(ReportRenderer::markdown(*report).find("Model review failed") != std::string::npos);
}

void TestReviewer::reportsCarryEveryFindingAndNoSecret()
{
    const std::string ghp = S::checksummed("gh"
                                           "p_",
                                           91);
    const std::string password = "pw" + S::random(S::kAlnum, 12, 92);
    const std::string pg = S::random(S::kAlnum, 14, 93);
    const std::string patch = addedFile(
        "app/settings.py",
        {"GITHUB_TOKEN = \"" + ghp + "\"", "DB_PASSWORD = \"" + password + "\"",
         "DATABASE_URL = \"postgres://app:" + pg + "@db.prod:5432/app\"", "yaml.load(stream)"});
    const auto report = Reviewer().reviewPatch(patch, {});
    QVERIFY(report.ok());
    QCOMPARE(report->findings.size(), std::size_t(4));
    const std::string markdown = ReportRenderer::markdown(*report);
    const std::string json = ReportRenderer::json(*report);
    for (const auto& secret : {ghp, password, pg}) {
        QVERIFY(markdown.find(secret.substr(4)) == std::string::npos);
        QVERIFY(json.find(secret.substr(4)) == std::string::npos);
        QVERIFY(report->summary.find(secret) == std::string::npos);
    }
    for (const auto& f : report->findings) {
        QVERIFY2(markdown.find("`" + f.ruleId + "`") != std::string::npos, f.ruleId.c_str());
        QVERIFY2(json.find("\"id\":\"" + f.id + "\"") != std::string::npos, f.ruleId.c_str());
    }
    QVERIFY(json.find("\"decision\":\"abort\"") != std::string::npos);
    QVERIFY(json.find("\"risk_score\":" + std::to_string(report->riskScore)) != std::string::npos);
    QVERIFY(markdown.find("| Severity | Source | Rule | Location | Message | Fix |") !=
            std::string::npos);
    QCOMPARE(ReportRenderer::jsonString("a\"b\\\n\x01"), std::string("\"a\\\"b\\\\\\n\\u0001\""));
}

void TestReviewer::malformedPatchIsAnError()
{
    const auto report = Reviewer().reviewPatch("--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\n", {});
    QVERIFY(!report.ok());
    QCOMPARE(report.error().code(), builder::common::StatusCode::InvalidArgument);
    QVERIFY(report.error().message().find("line 4") != std::string::npos);
}

QTEST_GUILESS_MAIN(TestReviewer)
#include "test_reviewer.moc"
