// Verifier end to end in the real sandbox: a CMake project builds, its ctest
// JUnit report is parsed into counts and per-test failures, artifacts are
// written; a broken build is BUILD_FAILED; require_build/require_tests are
// honoured; an unusable sandbox fails closed; sandbox = none says so; cancel
// and the wall clock end the run with the tree gone.
#include "SandboxHarness.h"
#include "executor/DirectSandbox.h"
#include "executor/SandboxDoctor.h"
#include "executor/Verifier.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <thread>

using builder::common::CancelToken;
using builder::common::StatusCode;
using builder::tests::SandboxHarness;
using namespace builder::executor;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& path, const std::string& text)
{
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
}

void cmakeProject(const fs::path& root, bool broken)
{
    write(root / "CMakeLists.txt", "cmake_minimum_required(VERSION 3.16)\nproject(demo C)\n"
                                   "enable_testing()\nadd_executable(check check.c)\n"
                                   "add_test(NAME adds COMMAND check 0)\n"
                                   "add_test(NAME divides COMMAND check 1)\n");
    write(root / "check.c",
          std::string("#include <stdio.h>\n#include <stdlib.h>\n") +
              (broken ? "int main(void) { return undeclared_symbol; }\n"
                      : "int main(int c, char** v) {\n  if (atoi(v[1])) {\n"
                        "    fprintf(stderr, \"assertion failed: expected 2 got 3\\n\");\n"
                        "    return 1;\n  }\n  return 0;\n}\n"));
}

struct Fixture
{
    QTemporaryDir dir;
    fs::path workspace = fs::path(dir.path().toStdString()) / "ws";
    fs::path artifacts = fs::path(dir.path().toStdString()) / "artifacts";
    Fixture() { fs::create_directories(workspace); }
    VerifyRequest request() const
    {
        VerifyRequest r;
        r.workspace = workspace;
        r.artifactsDir = artifacts;
        r.timeout = std::chrono::seconds(90);
        return r;
    }
};

bool hasArtifact(const VerifyReport& report, const std::string& name)
{
    for (const auto& path : report.artifacts)
        if (path.filename().string().find(name) != std::string::npos && fs::exists(path))
            return true;
    return false;
}

} // namespace

class TestVerifier : public QObject
{
    Q_OBJECT

private slots:
    void cmakeProjectWithAFailingTest();
    void brokenBuildIsBuildFailed();
    void npmAndMakeProjects_data();
    void npmAndMakeProjects();
    void requireTestsWithoutTests();
    void requireBuildWithoutBuild();
    void builderTomlCommandsRun();
    void unusableSandboxFailsClosed();
    void sandboxNoneSaysSo();
    void cancelEndsTheRunWithinTwoSeconds();
    void wallClockTimeout();
    void plantedReportSymlinksStayOut();
    void doctorOnThisMachine();
    void doctorExplainsAMissingBubblewrap();
};

void TestVerifier::cmakeProjectWithAFailingTest()
{
    Fixture f;
    cmakeProject(f.workspace, false);
    Verifier verifier{ExecutorConfig{}};
    std::string streamed;
    auto report = verifier.verify(
        f.request(), [&](const OutputChunk& chunk) { streamed += chunk.text; }, CancelToken());
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message().c_str());
    QVERIFY(report->detection.find("CMake") != std::string::npos);
    QCOMPARE(report->commands.size(), std::size_t(3));
    QVERIFY(report->buildRan);
    QVERIFY(report->buildPassed);
    QVERIFY(report->testsRan);
    QVERIFY(!report->testsPassed);
    QCOMPARE(report->testsTotal, 2);
    QCOMPARE(report->testsFailed, 1);
    QCOMPARE(report->failures.size(), std::size_t(1));
    QCOMPARE(report->failures[0].name, std::string("divides"));
    QVERIFY(report->failures[0].message.find("expected 2 got 3") != std::string::npos);
    QCOMPARE(report->failureCode, std::string("TEST_FAILED"));
    QVERIFY(report->failureOutput.find("divides") != std::string::npos);
    QVERIFY(report->sandboxDescription.find("bubblewrap") != std::string::npos);
    QVERIFY(hasArtifact(*report, "build.log"));
    QVERIFY(hasArtifact(*report, "test.log"));
    QVERIFY(hasArtifact(*report, "ctest-junit.xml"));
    QVERIFY(streamed.find("$ cmake -S .") != std::string::npos); // live output
    // The build tree stays under .builder/ and the workspace is builderd's again.
    QVERIFY(fs::exists(f.workspace / ".builder/build/CMakeCache.txt"));
    struct stat st;
    QCOMPARE(stat((f.workspace / ".builder/build/CMakeCache.txt").c_str(), &st), 0);
    QCOMPARE(st.st_uid, geteuid());
}

void TestVerifier::brokenBuildIsBuildFailed()
{
    Fixture f;
    cmakeProject(f.workspace, true);
    Verifier verifier{ExecutorConfig{}};
    auto report = verifier.verify(f.request(), {}, CancelToken());
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message().c_str());
    QVERIFY(report->buildRan);
    QVERIFY(!report->buildPassed);
    QVERIFY(!report->testsRan);
    QCOMPARE(report->failureCode, std::string("BUILD_FAILED"));
    QVERIFY2(report->failureOutput.find("undeclared_symbol") != std::string::npos,
             report->failureOutput.c_str());
    QVERIFY(report->failureOutput.size() <= 16 * 1024);
}

void TestVerifier::npmAndMakeProjects_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("content");
    QTest::addColumn<QString>("script");
    QTest::addColumn<bool>("passes");
    QTest::addRow("npm passing") << "package.json"
                                 << R"({"scripts":{"test":"node t.js"}})"
                                 << "process.exit(0)" << true;
    QTest::addRow("npm failing") << "package.json"
                                 << R"({"scripts":{"test":"node t.js"}})"
                                 << "console.error('1 failing'); process.exit(1)" << false;
    QTest::addRow("make passing") << "Makefile"
                                  << "all:\n\t@true\ntest:\n\t@sh t.js\n"
                                  << "exit 0" << true;
    QTest::addRow("make failing") << "Makefile"
                                  << "all:\n\t@true\ntest:\n\t@sh t.js\n"
                                  << "exit 2" << false;
}

void TestVerifier::npmAndMakeProjects()
{
    QFETCH(QString, file);
    QFETCH(QString, content);
    QFETCH(QString, script);
    QFETCH(bool, passes);
    Fixture f;
    write(f.workspace / file.toStdString(),
          content.replace("\\n", "\n").replace("\\t", "\t").toStdString());
    write(f.workspace / "t.js", script.toStdString());
    Verifier verifier{ExecutorConfig{}};
    auto report = verifier.verify(f.request(), {}, CancelToken());
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message().c_str());
    QVERIFY(report->testsRan);
    QCOMPARE(report->testsPassed, passes);
    QCOMPARE(report->failureCode, std::string(passes ? "" : "TEST_FAILED"));
    if (!passes)
        QVERIFY(!report->failureOutput.empty());
}

void TestVerifier::requireTestsWithoutTests()
{
    Fixture f;
    write(f.workspace / "Makefile", "all:\n\t@echo built\n");
    Verifier verifier{ExecutorConfig{}};
    auto request = f.request();
    request.requireTests = true;
    auto report = verifier.verify(request, {}, CancelToken());
    QVERIFY(report.ok());
    QVERIFY(report->buildPassed);
    QVERIFY(!report->testsRan);
    QVERIFY(!report->testsPassed);
    QCOMPARE(report->failureCode, std::string("TEST_FAILED"));
    QVERIFY(report->failureOutput.find("no test command") != std::string::npos);
    request.requireTests = false;
    report = verifier.verify(request, {}, CancelToken());
    QVERIFY(report.ok());
    QVERIFY(report->passed());
}

void TestVerifier::requireBuildWithoutBuild()
{
    Fixture f;
    auto request = f.request();
    request.requireBuild = true;
    request.requireTests = false;
    request.properties = {{"test_command", "true"}};
    Verifier verifier{ExecutorConfig{}};
    auto report = verifier.verify(request, {}, CancelToken());
    QVERIFY(report.ok());
    QVERIFY(!report->buildRan);
    QCOMPARE(report->failureCode, std::string("BUILD_FAILED"));
    QVERIFY(report->failureOutput.find("require_build") != std::string::npos);
}

void TestVerifier::builderTomlCommandsRun()
{
    Fixture f;
    write(f.workspace / ".builder.toml",
          "[build]\ncommand = \"echo compiled > built.txt\"\n"
          "[test]\ncommand = ['test -f built.txt', 'echo \"$GREETING\"']\n"
          "[env]\nGREETING = \"hello from toml\"\n");
    Verifier verifier{ExecutorConfig{}};
    std::string streamed;
    auto report = verifier.verify(
        f.request(), [&](const OutputChunk& chunk) { streamed += chunk.text; }, CancelToken());
    QVERIFY(report.ok());
    QVERIFY2(report->passed(), report->failureOutput.c_str());
    QCOMPARE(report->commands.size(), std::size_t(3));
    QVERIFY(report->detection.find(".builder.toml [build]") != std::string::npos);
    QVERIFY(streamed.find("hello from toml") != std::string::npos);
}

void TestVerifier::unusableSandboxFailsClosed()
{
    Fixture f;
    write(f.workspace / ".builder.toml", "[test]\ncommand = \"touch ran-unsandboxed\"\n");
    ExecutorConfig config;
    config.bwrapPath = "/nonexistent/bwrap";
    Verifier verifier(config);
    auto report = verifier.verify(f.request(), {}, CancelToken());
    QVERIFY(!report.ok());
    QCOMPARE(report.error().code(), StatusCode::FailedPrecondition);
    QVERIFY2(report.error().message().find("bubblewrap") != std::string::npos,
             report.error().message().c_str());
    QVERIFY(report.error().message().find("apt-get install bubblewrap") != std::string::npos);
    QVERIFY(!fs::exists(f.workspace / "ran-unsandboxed"));
}

void TestVerifier::sandboxNoneSaysSo()
{
    Fixture f;
    ExecutorConfig config;
    config.sandbox = "none";
    Verifier verifier(config);
    auto request = f.request();
    request.properties = {{"test_command", "test -d \"$BUILDER_WORKSPACE\""}};
    std::string system;
    auto report = verifier.verify(
        request,
        [&](const OutputChunk& chunk) {
            if (chunk.stream == "system")
                system += chunk.text + "\n";
        },
        CancelToken());
    QVERIFY(report.ok());
    QCOMPARE(report->sandboxDescription, std::string(DirectSandbox::kDescription));
    QVERIFY(system.find("UNSANDBOXED (sandbox = none set by the operator)") != std::string::npos);
    QVERIFY(report->testsPassed);
}

void TestVerifier::cancelEndsTheRunWithinTwoSeconds()
{
    Fixture f;
    const std::string tag = "builder-marker-verify-cancel-" + std::to_string(getpid());
    fs::copy_file(SandboxHarness::probePath(), f.workspace / "sandbox_probe");
    auto request = f.request();
    request.properties = {{"test_command", "./sandbox_probe daemon " + tag + " stay"}};
    Verifier verifier{ExecutorConfig{}};
    CancelToken cancel;
    QElapsedTimer cancelledAt;
    std::thread canceller([&] {
        for (int i = 0; i < 1000 && SandboxHarness::countProcesses(tag) < 2; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        cancelledAt.start();
        cancel.cancel();
    });
    auto report = verifier.verify(request, {}, cancel);
    const qint64 took = cancelledAt.elapsed();
    canceller.join();
    QVERIFY(!report.ok());
    QCOMPARE(report.error().code(), StatusCode::Cancelled);
    QVERIFY2(took < 2000, qPrintable(QString("cancel took %1 ms").arg(took)));
    QCOMPARE(SandboxHarness::countProcesses(tag), 0);
}

void TestVerifier::wallClockTimeout()
{
    Fixture f;
    auto request = f.request();
    request.timeout = std::chrono::seconds(2);
    request.properties = {{"test_command", "sleep 30"}};
    Verifier verifier{ExecutorConfig{}};
    QElapsedTimer timer;
    timer.start();
    auto report = verifier.verify(request, {}, CancelToken());
    QVERIFY(report.ok());
    QVERIFY(timer.elapsed() < 6000);
    QVERIFY(report->timedOut);
    QVERIFY(!report->testsPassed);
    QCOMPARE(report->failureCode, std::string("TEST_FAILED"));
    QCOMPARE(report->summary, std::string("tests: timed out"));
}

void TestVerifier::plantedReportSymlinksStayOut()
{
    // A hostile test run plants its "reports" as symlinks to host secrets and
    // replaces .builder with a symlink: nothing of the host reaches the artifacts.
    Fixture f;
    auto request = f.request();
    request.properties = {{"test_command", "ln -s /etc/shadow .builder/reports/ctest-junit.xml && "
                                           "ln -s /etc/passwd .builder/reports/TEST-x.xml && "
                                           "ln -s /etc/ssl/certs coverage.xml"},
                          {"test_reports", ".builder/reports/*.xml"},
                          {"coverage_reports", "coverage.xml"}};
    Verifier verifier{ExecutorConfig{}};
    auto report = verifier.verify(request, {}, CancelToken());
    QVERIFY2(report.ok(), report.ok() ? "" : report.error().message().c_str());
    for (const auto& artifact : report->artifacts) {
        std::ifstream in(artifact);
        std::stringstream text;
        text << in.rdbuf();
        QVERIFY2(text.str().find("root:") == std::string::npos, artifact.c_str());
        QVERIFY(artifact.filename() == "build.log" || artifact.filename() == "test.log");
    }
    // The next verification turns a planted .builder symlink back into a directory.
    fs::remove_all(f.workspace / ".builder");
    fs::create_directory_symlink("/etc", f.workspace / ".builder");
    request.properties = {{"test_command", "true"}};
    report = verifier.verify(request, {}, CancelToken());
    QVERIFY(report.ok());
    QVERIFY(fs::is_directory(fs::symlink_status(f.workspace / ".builder")));
    QVERIFY(fs::exists("/etc/passwd"));
}

void TestVerifier::doctorOnThisMachine()
{
    const auto checks = SandboxDoctor(ExecutorConfig{}).run();
    const std::string text = SandboxDoctor::format(checks);
    QVERIFY2(SandboxDoctor::usable(checks), text.c_str());
    for (const char* name : {"bubblewrap", "user namespaces", "seccomp", "cgroups",
                             "unprivileged uid", "live sandbox"})
        QVERIFY2(text.find(name) != std::string::npos, name);
    QVERIFY(text.find("result: the sandbox works") != std::string::npos);
}

void TestVerifier::doctorExplainsAMissingBubblewrap()
{
    ExecutorConfig config;
    config.bwrapPath = "/nonexistent/bwrap";
    const auto checks = SandboxDoctor(config).run();
    const std::string text = SandboxDoctor::format(checks);
    QVERIFY(!SandboxDoctor::usable(checks));
    QVERIFY(text.find("FAIL  bubblewrap") != std::string::npos);
    QVERIFY(text.find("fix: apt-get install bubblewrap") != std::string::npos);
    QVERIFY(text.find("CANNOT work") != std::string::npos);
}

QTEST_GUILESS_MAIN(TestVerifier)
#include "test_sandbox_verifier.moc"
