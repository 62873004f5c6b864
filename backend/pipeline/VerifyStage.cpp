#include "VerifyStage.h"

#include "ArtifactFiles.h"
#include "ChangeRound.h"
#include "OutputEvents.h"
#include "Prompts.h"
#include "core/EventRecorder.h"
#include "executor/Verifier.h"
#include "git/Workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace builder::pipeline {

namespace fv1 = feature::feature::v1;
using core::EventRecorder;

namespace {

// What the journal keeps of one verification.
struct Verdict
{
    bool passed = false;
    std::string failureCode; // BUILD_FAILED / TEST_FAILED
    std::string summary;
    std::string problem; // the repair prompt's account of what failed
    std::vector<std::string> failingTests;
};

std::string encode(const Verdict& v)
{
    QJsonArray tests;
    for (const auto& t : v.failingTests)
        tests.append(QString::fromStdString(t));
    QJsonObject o{{"passed", v.passed},
                  {"failure_code", QString::fromStdString(v.failureCode)},
                  {"summary", QString::fromStdString(v.summary)},
                  {"problem", QString::fromStdString(v.problem)},
                  {"failing_tests", tests}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

Verdict decode(const std::string& text)
{
    const auto o = QJsonDocument::fromJson(QByteArray::fromStdString(text)).object();
    Verdict v;
    v.passed = o["passed"].toBool();
    v.failureCode = o["failure_code"].toString().toStdString();
    v.summary = o["summary"].toString().toStdString();
    v.problem = o["problem"].toString().toStdString();
    for (const auto& t : o["failing_tests"].toArray())
        v.failingTests.push_back(t.toString().toStdString());
    return v;
}

Verdict verdictOf(const executor::VerifyReport& report)
{
    Verdict v;
    v.passed = report.passed();
    v.failureCode = report.failureCode;
    v.summary = report.summary;
    std::string problem = report.summary + "\n";
    for (const auto& f : report.failures) {
        const auto name = f.suite.empty() ? f.name : f.suite + "." + f.name;
        v.failingTests.push_back(name);
        problem += "FAILED " + name + ": " + f.message + "\n";
    }
    if (!report.failureOutput.empty())
        problem += "\nOutput (tail):\n" + report.failureOutput;
    v.problem = problem;
    return v;
}

std::string key(const char* kind, int round, int n)
{
    return std::string("done/") + kind + "/r" + std::to_string(round) + "/" + std::to_string(n);
}

fv1::ErrorCode failureCode(const Verdict& v)
{
    return v.failureCode == "BUILD_FAILED" ? fv1::ERROR_CODE_BUILD_FAILED
                                           : fv1::ERROR_CODE_TEST_FAILED;
}

} // namespace

common::Status VerifyStage::run(RunContext& ctx, int round)
{
    const int maxRepairs = ctx.services.config.maxRepairIterations;
    for (int n = 0;; ++n) {
        Verdict verdict;
        const auto vkey = key("verify", round, n);
        if (auto journaled = ctx.journal.get(vkey)) {
            verdict = decode(*journaled);
        } else {
            if (auto status = ctx.ensureState(fv1::FEATURE_STATE_VERIFYING); !status.ok())
                return status;
            if (auto stop = ctx.stopCheck(); !stop.ok())
                return stop;
            if (auto reset = ctx.resetToHead(); !reset.ok())
                return reset.error();
            (void)ctx.saveProgress(ctx.plan().steps_size(), ctx.plan().steps_size(),
                                   "building and testing", 80.0f);
            (void)ctx.event("stage.started", "Building and testing in the sandbox",
                            EventRecorder::payload({{"stage", "verify"}}));
            executor::VerifyRequest request;
            request.workspace = ctx.worktreeDir();
            request.artifactsDir =
                ctx.artifactsDir() / ("verify-r" + std::to_string(round) + "-" + std::to_string(n));
            request.properties = ctx.properties();
            request.requireBuild = ctx.spec().constraints().require_build();
            request.requireTests = ctx.spec().constraints().require_tests();
            request.allowNetwork = request.properties["sandbox.allow_network"] == "true";
            OutputEvents output(ctx, "verify");
            ctx.cleanAt.clear(); // the build may leave files behind
            auto report = ctx.services.verifier->verify(request, output.sink(), ctx.cancel);
            output.finish();
            if (!report.ok())
                return report.error();
            verdict = verdictOf(report.value());
            auto written = ctx.writer.write([&](store::Connection& c) -> common::Status {
                ctx.journal.put(c, vkey, encode(verdict));
                for (const auto& file : report->artifacts) {
                    const auto [type, contentType] = ArtifactFiles::classify(file);
                    if (auto recorded = ArtifactFiles::record(ctx, c, file, type, contentType);
                        !recorded.ok())
                        return recorded;
                }
                auto payload = EventRecorder::payload({{"summary", report->summary},
                                                       {"detection", report->detection},
                                                       {"sandbox", report->sandboxDescription},
                                                       {"failure_code", report->failureCode}});
                auto& fields = *payload.mutable_fields();
                fields["passed"].set_bool_value(verdict.passed);
                fields["tests_total"].set_number_value(report->testsTotal);
                fields["tests_failed"].set_number_value(report->testsFailed);
                fields["tests_skipped"].set_number_value(report->testsSkipped);
                fields["truncated"].set_bool_value(report->outputTruncated);
                ctx.writer.event(
                    c, "test.completed",
                    (verdict.passed ? "Verification passed: " : "Verification failed: ") +
                        report->summary,
                    payload);
                return {};
            });
            if (!written.ok())
                return written;
        }
        if (verdict.passed)
            return {};
        if (n >= maxRepairs) {
            std::string tests;
            for (const auto& t : verdict.failingTests)
                tests += (tests.empty() ? "" : ", ") + t;
            ctx.failureCode = failureCode(verdict);
            return common::Error(common::StatusCode::FailedPrecondition,
                                 verdict.summary +
                                     (tests.empty() ? "" : " (failing: " + tests + ")") +
                                     " after " + std::to_string(maxRepairs) + " repair attempt(s)");
        }
        const auto rkey = key("repair", round, n);
        if (!ChangeRound::journaled(ctx, rkey)) {
            if (auto status = ctx.ensureState(fv1::FEATURE_STATE_EXECUTING); !status.ok())
                return status;
            (void)ctx.event("repair.started", "Repair " + std::to_string(n + 1) + " of " +
                                                  std::to_string(maxRepairs) + ": " +
                                                  verdict.summary);
        }
        auto changed = ctx.workspace->diffStat(ctx.baseSha, ctx.headSha);
        std::vector<std::string> files;
        if (changed.ok())
            for (const auto& f : changed->perFile)
                files.push_back(f.path);
        auto request = Prompts::repair(ctx.spec(), ctx.normalized, ctx.plan(), verdict.problem,
                                       ctx.fileContext(files));
        auto repaired = ChangeRound::run(
            ctx, rkey, "repair-r" + std::to_string(round) + "-" + std::to_string(n), request,
            [&](store::Connection& c, const RoundCommit& r) {
                ctx.writer.event(c, "repair.completed", "Repair committed: " + r.summary,
                                 EventRecorder::payload({{"sha", r.sha}}));
            });
        if (!repaired.ok())
            return repaired.error();
    }
}

} // namespace builder::pipeline
