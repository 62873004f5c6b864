#include "Verifier.h"

#include "BubblewrapSandbox.h"
#include "BuildSystemDetector.h"
#include "CommandResolver.h"
#include "DirectSandbox.h"
#include "JUnitParser.h"
#include "SandboxDoctor.h"
#include "TestSummaryParser.h"
#include "Utf8Sanitizer.h"
#include "WorkspaceFiles.h"

#include <ctime>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace builder::executor {

namespace {

using common::Error;
namespace fs = std::filesystem;

std::string seconds(std::chrono::milliseconds ms)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.1f s", static_cast<double>(ms.count()) / 1000.0);
    return text;
}

// "a/b/TEST-x.xml" -> "a_b_TEST-x.xml": one flat artifacts folder per kind.
std::string flatten(const std::string& path)
{
    std::string out = path;
    for (char& c : out)
        if (c == '/')
            c = '_';
    return out;
}

bool inside(const fs::path& path, const fs::path& base)
{
    const auto p = path.lexically_normal().string();
    const auto b = base.lexically_normal().string();
    return p == b || p.rfind(b.back() == '/' ? b : b + "/", 0) == 0;
}

// `.builder/` as a real directory with an empty `reports/` below it, whatever
// the previous run left there.
common::Status prepareBuilderDir(const fs::path& workspace)
{
    const fs::path dir = workspace / ".builder";
    struct stat st;
    if (lstat(dir.c_str(), &st) == 0 && !S_ISDIR(st.st_mode))
        unlink(dir.c_str());
    if (mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST)
        return Error::unavailable("cannot create " + dir.string());
    WorkspaceFiles::removeTree(workspace, BuildSystemDetector::kReportsDir);
    const fs::path reports = workspace / BuildSystemDetector::kReportsDir;
    rmdir(reports.c_str());
    if (lstat(reports.c_str(), &st) == 0 && !S_ISDIR(st.st_mode))
        unlink(reports.c_str());
    if (mkdir(reports.c_str(), 0755) != 0 && errno != EEXIST)
        return Error::unavailable("cannot create " + reports.string());
    return {};
}

} // namespace

struct Verifier::Phase
{
    std::string name; // "build" | "test"
    fs::path log;
    bool ran = false;
    bool passed = true;
    bool timedOut = false;
    std::string failingTail;
    std::string parseTail; // the last output of every command, for summary lines
};

Verifier::Verifier(ExecutorConfig config)
    : m_config(std::move(config)), m_limiter(m_config.maxConcurrent)
{}

Verifier::Verifier(ExecutorConfig config, std::shared_ptr<Sandbox> sandbox)
    : m_config(std::move(config)), m_limiter(m_config.maxConcurrent), m_sandbox(std::move(sandbox))
{}

common::Result<std::shared_ptr<Sandbox>> Verifier::sandbox()
{
    std::lock_guard<std::mutex> lock(m_sandboxMutex);
    if (m_sandbox)
        return m_sandbox;
    if (auto status = m_config.validate(); !status.ok())
        return status.error();
    if (m_config.unsandboxed()) {
        m_sandbox = std::make_shared<DirectSandbox>(m_config);
        return m_sandbox;
    }
    // Probed once; a failure is not cached so a fixed machine recovers.
    const SandboxDoctor doctor(m_config);
    const auto checks = doctor.run();
    if (!SandboxDoctor::usable(checks))
        return Error::failedPrecondition("the sandbox cannot be set up (verification fails "
                                         "closed): " +
                                         SandboxDoctor::diagnostic(checks));
    auto created = BubblewrapSandbox::create(m_config);
    if (!created.ok())
        return Error::failedPrecondition("the sandbox cannot be set up (verification fails "
                                         "closed): " +
                                         created.error().message());
    m_sandbox = std::shared_ptr<Sandbox>(std::move(created).value());
    return m_sandbox;
}

common::Status Verifier::runPhase(Phase& phase, const std::vector<std::string>& commands,
                                  const BuildPlan& plan, const VerifyRequest& request,
                                  Sandbox& sandbox, const OutputSink& sink,
                                  const common::CancelToken& cancel,
                                  std::chrono::steady_clock::time_point deadline,
                                  VerifyReport& report)
{
    std::ofstream log(phase.log, std::ios::binary | std::ios::trunc);
    const OutputSink tee = [&](const OutputChunk& chunk) {
        if (chunk.stream == "system")
            log << "[builder] " << chunk.text << "\n";
        else
            log << chunk.text;
        if (sink)
            sink(chunk);
    };
    for (const auto& command : commands) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            phase.timedOut = true;
            phase.passed = false;
            tee({"system", "verification timeout reached before: " + command});
            break;
        }
        phase.ran = true;
        report.commands.push_back(command);
        tee({"system", "$ " + command});
        SandboxSpec spec;
        spec.argv = {"/bin/sh", "-c", command};
        spec.workspace = request.workspace;
        spec.env = plan.env;
        spec.limits = m_config.limits;
        spec.timeout = left;
        spec.allowNetwork = request.allowNetwork;
        spec.outputCapBytes = m_config.outputCapBytes;
        spec.tailBytes = kParseTailBytes;
        auto result = sandbox.run(spec, tee, cancel);
        if (!result.ok()) {
            log.flush();
            return result.error();
        }
        phase.parseTail =
            Utf8Sanitizer::tail(phase.parseTail + result->outputTail, kParseTailBytes);
        report.outputTruncated = report.outputTruncated || result->truncated;
        std::string status = result->timedOut ? "timed out after " + seconds(result->wallTime) +
                                                    "; the whole process tree was killed"
                                              : "exit code " + std::to_string(result->exitCode) +
                                                    " after " + seconds(result->wallTime);
        if (result->oomKilled)
            status += " (the memory limit killed a process)";
        if (result->truncated)
            status += " (output truncated)";
        tee({"system", status});
        if (result->timedOut || result->exitCode != 0) {
            phase.passed = false;
            phase.timedOut = result->timedOut;
            phase.failingTail = Utf8Sanitizer::tail(result->outputTail, m_config.failureTailBytes);
            break;
        }
    }
    log.flush();
    report.artifacts.push_back(phase.log);
    return {};
}

bool Verifier::collectTests(const BuildPlan& plan, const VerifyRequest& request, std::time_t since,
                            const Phase& tests, const OutputSink& sink, VerifyReport& report)
{
    JUnitParser::Summary summary;
    bool haveXml = false;
    for (const auto& glob : plan.reportGlobs) {
        for (const auto& match : WorkspaceFiles::glob(request.workspace, glob)) {
            if (match.modified + 1 < since)
                continue; // left by an earlier run
            auto xml = WorkspaceFiles::read(request.workspace, match.path, kMaxReportBytes);
            if (!xml.ok())
                continue;
            auto parsed = JUnitParser::parse(*xml);
            if (!parsed.ok()) {
                if (sink)
                    sink({"system", "ignoring " + match.path + ": " + parsed.error().message()});
                continue;
            }
            haveXml = true;
            JUnitParser::merge(summary, *parsed);
            const fs::path target = request.artifactsDir / "junit" / flatten(match.path);
            if (WorkspaceFiles::copyOut(request.workspace, match.path, target, kMaxReportBytes)
                    .ok())
                report.artifacts.push_back(target);
        }
    }
    if (haveXml) {
        report.testsTotal = summary.total;
        report.testsFailed = summary.failed;
        report.testsSkipped = summary.skipped;
        report.failures = std::move(summary.failures);
    } else if (const auto counts = TestSummaryParser::parse(tests.parseTail)) {
        report.testsTotal = counts->total;
        report.testsFailed = counts->failed;
        report.testsSkipped = counts->skipped;
        for (const auto& name : counts->failedNames)
            report.failures.push_back({counts->runner, name, ""});
    }
    const bool countsKnown = haveXml || report.testsTotal > 0;
    if (report.failures.size() > 200)
        report.failures.resize(200);
    for (const auto& glob : plan.coverageGlobs) {
        for (const auto& match : WorkspaceFiles::glob(request.workspace, glob, 20)) {
            if (match.modified + 1 < since)
                continue;
            const fs::path target = request.artifactsDir / "coverage" / flatten(match.path);
            if (WorkspaceFiles::copyOut(request.workspace, match.path, target, kMaxReportBytes)
                    .ok())
                report.artifacts.push_back(target);
        }
    }
    return countsKnown;
}

common::Result<VerifyReport> Verifier::verify(const VerifyRequest& request, const OutputSink& sink,
                                              const common::CancelToken& cancel)
{
    struct stat st;
    if (!request.workspace.is_absolute() || lstat(request.workspace.c_str(), &st) != 0 ||
        !S_ISDIR(st.st_mode))
        return Error::invalid("workspace", "path.directory",
                              "the workspace must be an existing absolute directory");
    if (!request.artifactsDir.is_absolute() || inside(request.artifactsDir, request.workspace))
        return Error::invalid("artifacts_dir", "path.outside_workspace",
                              "the artifacts directory must be absolute and outside the workspace");
    if (request.timeout.count() <= 0)
        return Error::invalid("timeout", "duration.gt", "the timeout must be positive");
    std::error_code error;
    fs::create_directories(request.artifactsDir, error);
    if (error)
        return Error::unavailable("cannot create the artifacts directory: " + error.message());

    auto sandboxResult = sandbox();
    if (!sandboxResult.ok())
        return sandboxResult.error();
    const std::shared_ptr<Sandbox> box = *sandboxResult;

    auto slot = m_limiter.acquire(cancel, [&](int position) {
        if (sink)
            sink({"system", "waiting for a sandbox: " + std::to_string(m_limiter.limit()) +
                                " running (MAX_CONCURRENT_EXECUTIONS), position " +
                                std::to_string(position) + " in line"});
    });
    if (!slot.ok())
        return slot.error();

    auto plan =
        CommandResolver::resolve(request.workspace, request.properties, request.allowNetwork);
    if (!plan.ok())
        return plan.error();
    VerifyReport report;
    report.detection = plan->detection;
    report.sandboxDescription = box->describe(request.allowNetwork);
    if (sink) {
        sink({"system", "sandbox: " + report.sandboxDescription});
        sink({"system", "commands: " + report.detection});
    }
    if (auto status = prepareBuilderDir(request.workspace); !status.ok())
        return status.error();
    const auto deadline = std::chrono::steady_clock::now() + request.timeout;

    Phase build;
    build.name = "build";
    build.log = request.artifactsDir / "build.log";
    if (!plan->buildCommands.empty()) {
        if (auto status = runPhase(build, plan->buildCommands, *plan, request, *box, sink, cancel,
                                   deadline, report);
            !status.ok())
            return status.error();
    }
    report.buildRan = build.ran;
    report.buildPassed = build.ran ? build.passed : !request.requireBuild;
    report.timedOut = build.timedOut;
    if (!build.ran && request.requireBuild) {
        report.failureCode = "BUILD_FAILED";
        report.failureOutput = "require_build is set, but no build command was found (" +
                               plan->detection +
                               "); set the build_command property or add "
                               "[build] command to .builder.toml";
        report.summary = "build: no build command";
        return report;
    }
    if (build.ran && !build.passed) {
        report.failureCode = "BUILD_FAILED";
        report.failureOutput = build.failingTail;
        report.summary = build.timedOut ? "build: timed out" : "build: failed";
        return report;
    }

    Phase tests;
    tests.name = "test";
    tests.log = request.artifactsDir / "test.log";
    const std::time_t testsStarted = std::time(nullptr);
    bool countsKnown = false;
    if (!plan->testCommands.empty()) {
        if (auto status = runPhase(tests, plan->testCommands, *plan, request, *box, sink, cancel,
                                   deadline, report);
            !status.ok())
            return status.error();
        countsKnown = collectTests(*plan, request, testsStarted, tests, sink, report);
    }
    report.testsRan = tests.ran;
    report.timedOut = report.timedOut || tests.timedOut;
    report.testsPassed = tests.ran && tests.passed && report.testsFailed == 0;
    std::string why;
    if (!tests.ran) {
        report.testsPassed = !request.requireTests;
        why = "no test command was found (" + plan->detection +
              "); set the test_command property or add [test] command to .builder.toml";
    } else if (report.testsPassed && request.requireTests && countsKnown &&
               report.testsTotal == 0) {
        // A report said how many tests ran, and it was none.
        report.testsPassed = false;
        why = "require_tests is set, but the test report lists no tests";
    } else if (!report.testsPassed) {
        why = tests.failingTail.empty()
                  ? Utf8Sanitizer::tail(tests.parseTail, m_config.failureTailBytes)
                  : tests.failingTail;
    }
    if (!report.testsPassed) {
        report.failureOutput = why;
        if (request.requireTests)
            report.failureCode = "TEST_FAILED";
    }
    report.summary =
        !tests.ran ? "tests: none found"
        : tests.timedOut
            ? "tests: timed out"
            : "tests: " + std::to_string(report.testsFailed) + " of " +
                  std::to_string(report.testsTotal) + " failed, " +
                  std::to_string(report.testsSkipped) + " skipped" +
                  (report.testsPassed ? "" : (request.requireTests ? "" : " (not required)"));
    return report;
}

} // namespace builder::executor
