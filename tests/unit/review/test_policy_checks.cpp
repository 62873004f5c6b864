// Policy checks on parsed diffs: forbidden paths, CI/build/dependency changes,
// tests deleted/skipped/weakened, large deletions, binaries, files outside the plan.
#include "common/PathGlob.h"
#include "common/diff/DiffParser.h"
#include "review/PolicyChecker.h"

#include <QtTest>

using namespace builder::review;
namespace diff = builder::common::diff;

namespace {

std::string modified(const std::string& path, const std::vector<std::string>& removed,
                     const std::vector<std::string>& added)
{
    std::string text = "diff --git a/" + path + " b/" + path + "\n--- a/" + path + "\n+++ b/" +
                       path + "\n@@ -1," + std::to_string(removed.size() + 1) + " +1," +
                       std::to_string(added.size() + 1) + " @@\n context\n";
    for (const auto& line : removed)
        text += "-" + line + "\n";
    for (const auto& line : added)
        text += "+" + line + "\n";
    return text;
}

std::string deletedFile(const std::string& path, int lines)
{
    std::string text = "diff --git a/" + path + " b/" + path +
                       "\ndeleted file mode 100644\n--- a/" + path + "\n+++ /dev/null\n@@ -1," +
                       std::to_string(lines) + " +0,0 @@\n";
    for (int i = 0; i < lines; ++i)
        text += "-line " + std::to_string(i) + "\n";
    return text;
}

std::vector<Finding> check(const std::string& patch, PolicyConfig config = {})
{
    auto parsed = diff::DiffParser::parse(patch);
    if (!parsed.ok())
        qFatal("bad test diff: %s", parsed.error().message().c_str());
    std::vector<Finding> out;
    PolicyChecker::check(*parsed, config, out);
    return out;
}

int countRule(const std::vector<Finding>& findings, const char* rule)
{
    int n = 0;
    for (const auto& f : findings)
        n += f.ruleId == rule ? 1 : 0;
    return n;
}

} // namespace

class TestPolicyChecks : public QObject
{
    Q_OBJECT

private slots:
    void globs_data();
    void globs();
    void pathKinds_data();
    void pathKinds();
    void forbiddenPaths();
    void testsDeleted();
    void testsSkipped_data();
    void testsSkipped();
    void assertionsRemoved();
    void largeDeletion();
    void binaryFiles();
    void outsidePlan();
};

void TestPolicyChecks::globs_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("matches");
    QTest::addRow("basename anywhere") << "*.pem"
                                       << "certs/server.pem" << true;
    QTest::addRow("folder name anywhere") << "secrets"
                                          << "app/secrets/db.yml" << true;
    QTest::addRow("anchored double star") << "deploy/**"
                                          << "deploy/prod/values.yaml" << true;
    QTest::addRow("anchored not elsewhere") << "deploy/**"
                                            << "app/deploy/x" << false;
    QTest::addRow("trailing slash folder") << "config/prod/"
                                           << "config/prod/app.yml" << true;
    QTest::addRow("star stays in component") << "src/*.c"
                                             << "src/sub/a.c" << false;
    QTest::addRow("star in component") << "src/*.c"
                                       << "src/a.c" << true;
    QTest::addRow("double star middle") << "src/**/test_*.py"
                                        << "src/a/b/test_x.py" << true;
    QTest::addRow("leading slash") << "/Makefile"
                                   << "Makefile" << true;
    QTest::addRow("leading slash anchored") << "/Makefile"
                                            << "lib/Makefile" << false;
    QTest::addRow("question mark") << "v?.txt"
                                   << "v1.txt" << true;
    QTest::addRow("exact file") << ".github/CODEOWNERS"
                                << ".github/CODEOWNERS" << true;
    QTest::addRow("no match") << "*.key"
                              << "src/main.cpp" << false;
}

void TestPolicyChecks::globs()
{
    QFETCH(QString, pattern);
    QFETCH(QString, path);
    QFETCH(bool, matches);
    QCOMPARE(builder::common::PathGlob::matches(pattern.toStdString(), path.toStdString()),
             matches);
}

void TestPolicyChecks::pathKinds_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<int>("severity");
    QTest::addRow("github workflow")
        << ".github/workflows/ci.yml" << PolicyChecker::kCiChange << int(Severity::High);
    QTest::addRow("gitlab ci") << ".gitlab-ci.yml" << PolicyChecker::kCiChange
                               << int(Severity::High);
    QTest::addRow("Jenkinsfile") << "Jenkinsfile" << PolicyChecker::kCiChange
                                 << int(Severity::High);
    QTest::addRow("circleci") << ".circleci/config.yml" << PolicyChecker::kCiChange
                              << int(Severity::High);
    QTest::addRow("azure pipelines")
        << "azure-pipelines.yml" << PolicyChecker::kCiChange << int(Severity::High);
    QTest::addRow("CMakeLists") << "src/CMakeLists.txt" << PolicyChecker::kBuildChange
                                << int(Severity::Medium);
    QTest::addRow("Makefile") << "Makefile" << PolicyChecker::kBuildChange << int(Severity::Medium);
    QTest::addRow("gradle") << "app/build.gradle" << PolicyChecker::kBuildChange
                            << int(Severity::Medium);
    QTest::addRow("pom is build") << "pom.xml" << PolicyChecker::kBuildChange
                                  << int(Severity::Medium);
    QTest::addRow("pom is dependencies")
        << "pom.xml" << PolicyChecker::kDependencyChange << int(Severity::Medium);
    QTest::addRow("package.json") << "web/package.json" << PolicyChecker::kDependencyChange
                                  << int(Severity::Medium);
    QTest::addRow("requirements") << "requirements-dev.txt" << PolicyChecker::kDependencyChange
                                  << int(Severity::Medium);
    QTest::addRow("go.mod") << "go.mod" << PolicyChecker::kDependencyChange
                            << int(Severity::Medium);
    QTest::addRow("Cargo.toml") << "Cargo.toml" << PolicyChecker::kDependencyChange
                                << int(Severity::Medium);
    QTest::addRow("Gemfile") << "Gemfile" << PolicyChecker::kDependencyChange
                             << int(Severity::Medium);
    QTest::addRow("lock file") << "package-lock.json" << PolicyChecker::kLockFileChange
                               << int(Severity::Low);
    QTest::addRow("plain source") << "src/main.cpp"
                                  << "" << 0;
}

void TestPolicyChecks::pathKinds()
{
    QFETCH(QString, path);
    QFETCH(QString, rule);
    QFETCH(int, severity);
    const auto findings = check(modified(path.toStdString(), {"a"}, {"b"}));
    if (rule.isEmpty()) {
        QVERIFY(findings.empty());
        return;
    }
    bool found = false;
    for (const auto& f : findings) {
        if (f.ruleId == rule.toStdString()) {
            found = true;
            QCOMPARE(int(f.severity), severity);
            QCOMPARE(f.source, FindingSource::Policy);
            QCOMPARE(f.file, path.toStdString());
        }
    }
    QVERIFY(found);
}

void TestPolicyChecks::forbiddenPaths()
{
    PolicyConfig config;
    config.forbiddenPaths = {"deploy/**", "*.pem"};
    QCOMPARE(countRule(check(modified("deploy/prod.yaml", {"a"}, {"b"}), config),
                       PolicyChecker::kForbiddenPath),
             1);
    QCOMPARE(countRule(check(modified("certs/key.pem", {"a"}, {"b"}), config),
                       PolicyChecker::kForbiddenPath),
             1);
    QCOMPARE(countRule(check(modified("src/deploy.cpp", {"a"}, {"b"}), config),
                       PolicyChecker::kForbiddenPath),
             0);
    // A rename out of a forbidden folder still touches it.
    const std::string rename = "diff --git a/deploy/x b/src/x\nsimilarity index 100%\n"
                               "rename from deploy/x\nrename to src/x\n";
    const auto findings = check(rename, config);
    QCOMPARE(countRule(findings, PolicyChecker::kForbiddenPath), 1);
    QCOMPARE(findings[0].severity, Severity::Critical);
}

void TestPolicyChecks::testsDeleted()
{
    QCOMPARE(countRule(check(deletedFile("tests/test_api.py", 3)), PolicyChecker::kTestDeleted), 1);
    QCOMPARE(countRule(check(deletedFile("pkg/server_test.go", 3)), PolicyChecker::kTestDeleted),
             1);
    QCOMPARE(countRule(check(deletedFile("src/FooTest.java", 3)), PolicyChecker::kTestDeleted), 1);
    QCOMPARE(countRule(check(deletedFile("src/api.py", 3)), PolicyChecker::kTestDeleted), 0);
}

void TestPolicyChecks::testsSkipped_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("line");
    QTest::addColumn<bool>("skipped");
    QTest::addRow("pytest skip") << "tests/test_a.py"
                                 << "@pytest.mark.skip(reason='flaky')" << true;
    QTest::addRow("unittest skip") << "tests/test_a.py"
                                   << "@unittest.skip('later')" << true;
    QTest::addRow("go t.Skip") << "a_test.go"
                               << "\tt.Skip(\"broken\")" << true;
    QTest::addRow("jest xit") << "src/a.test.js"
                              << "xit('works', () => {" << true;
    QTest::addRow("jest it.skip") << "src/a.spec.ts"
                                  << "it.skip('works', () => {" << true;
    QTest::addRow("junit Disabled") << "src/test/java/FooTest.java"
                                    << "    @Disabled" << true;
    QTest::addRow("rust ignore") << "src/lib.rs"
                                 << "#[ignore]" << true;
    QTest::addRow("gtest skip") << "tests/a_test.cpp"
                                << "  GTEST_SKIP() << \"slow\";" << true;
    QTest::addRow("qt skip") << "tests/tst_a.cpp"
                             << "    QSKIP(\"needs network\");" << true;
    QTest::addRow("plain test line") << "tests/test_a.py"
                                     << "assert add(1, 2) == 3" << false;
    QTest::addRow("@skip outside tests") << "src/decorators.py"
                                         << "@skip" << false;
}

void TestPolicyChecks::testsSkipped()
{
    QFETCH(QString, path);
    QFETCH(QString, line);
    QFETCH(bool, skipped);
    const auto findings = check(modified(path.toStdString(), {}, {line.toStdString()}));
    QCOMPARE(countRule(findings, PolicyChecker::kTestSkipped), skipped ? 1 : 0);
    for (const auto& f : findings) {
        if (f.ruleId == PolicyChecker::kTestSkipped)
            QCOMPARE(f.line, 2);
    }
}

void TestPolicyChecks::assertionsRemoved()
{
    const auto weakened = check(modified("tests/test_calc.py",
                                         {"    assert add(1, 2) == 3", "    assert add(2, 2) == 4"},
                                         {"    add(1, 2)"}));
    QCOMPARE(countRule(weakened, PolicyChecker::kAssertionsRemoved), 1);
    const auto replaced = check(modified("tests/tst_calc.cpp", {"    QCOMPARE(add(1, 2), 3);"},
                                         {"    QCOMPARE(add(1, 2), 3L);"}));
    QCOMPARE(countRule(replaced, PolicyChecker::kAssertionsRemoved), 0);
    const auto notTest = check(modified("src/calc.py", {"    assert x"}, {}));
    QCOMPARE(countRule(notTest, PolicyChecker::kAssertionsRemoved), 0);
}

void TestPolicyChecks::largeDeletion()
{
    PolicyConfig config;
    config.largeDeletionLines = 50;
    QCOMPARE(countRule(check(deletedFile("src/old.c", 60), config), PolicyChecker::kLargeDeletion),
             1);
    QCOMPARE(countRule(check(deletedFile("src/old.c", 40), config), PolicyChecker::kLargeDeletion),
             0);
    config.largeDeletionLines = 0; // off
    QCOMPARE(countRule(check(deletedFile("src/old.c", 60), config), PolicyChecker::kLargeDeletion),
             0);
}

void TestPolicyChecks::binaryFiles()
{
    const std::string binary =
        "diff --git a/img/logo.png b/img/logo.png\nnew file mode 100644\n"
        "index 0000000..1111111\nBinary files /dev/null and b/img/logo.png differ\n";
    QCOMPARE(countRule(check(binary), PolicyChecker::kBinaryFile), 1);
}

void TestPolicyChecks::outsidePlan()
{
    PolicyConfig config;
    config.planTargetFiles = {"src/greeting.go", "src/greeting_test.go"};
    QCOMPARE(countRule(check(modified("src/greeting.go", {"a"}, {"b"}), config),
                       PolicyChecker::kOutsidePlan),
             0);
    QCOMPARE(countRule(check(modified("src/other.go", {"a"}, {"b"}), config),
                       PolicyChecker::kOutsidePlan),
             1);
    QCOMPARE(countRule(check(modified("src/other.go", {"a"}, {"b"})), PolicyChecker::kOutsidePlan),
             0);
}

QTEST_GUILESS_MAIN(TestPolicyChecks)
#include "test_policy_checks.moc"
