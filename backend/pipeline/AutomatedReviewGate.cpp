#include "AutomatedReviewGate.h"

#include "ArtifactFiles.h"
#include "LlmModelReviewer.h"
#include "RunContext.h"
#include "common/diff/DiffParser.h"
#include "core/EventRecorder.h"
#include "git/Workspace.h"
#include "review/ReportRenderer.h"
#include "review/Reviewer.h"

#include <fstream>
#include <sstream>

namespace builder::pipeline {

namespace fv1 = feature::feature::v1;
using core::EventRecorder;

common::Result<ReviewVerdict> AutomatedReviewGate::review(RunContext& ctx, int round, int iteration,
                                                          int maxIterations)
{
    auto& ws = *ctx.workspace;
    auto diffText = ws.diff(ctx.baseSha, ctx.headSha);
    if (!diffText.ok())
        return diffText.error();
    auto parsed = common::diff::DiffParser::parse(diffText.value());
    if (!parsed.ok())
        return parsed.error();

    review::ReviewInput input;
    input.diff = std::move(parsed).value();
    input.diffText = diffText.value();
    for (const auto& file : input.diff.files) {
        if (file.status != common::diff::FileStatus::Added || file.binary)
            continue;
        std::ifstream in(ctx.worktreeDir() / file.path(), std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        input.newContents[file.path()] = text.str();
    }
    for (const auto& f : ctx.plan().affected_files())
        input.planTargetFiles.push_back(f);
    for (const auto& f : ctx.spec().constraints().forbidden_paths())
        input.forbiddenPaths.push_back(f);
    input.thresholds = m_thresholds;
    input.iteration = iteration + 1;
    input.maxIterations = maxIterations;

    LlmModelReviewer model(ctx, "review-" + std::to_string(round));
    const review::Reviewer reviewer(m_modelReview ? &model : nullptr);
    const auto report = reviewer.review(input);

    ReviewVerdict verdict;
    verdict.decision = review::decisionName(report.decision);
    verdict.riskScore = report.riskScore;
    verdict.findings = static_cast<int>(report.findings.size());
    verdict.summary = report.summary;
    verdict.reportJson = review::ReportRenderer::json(report);
    for (const auto& f : report.findings)
        verdict.feedback += "- [" + std::string(review::severityName(f.severity)) + "] " +
                            f.ruleId + " at " + f.file + ":" + std::to_string(f.line) + ": " +
                            f.message + (f.fixHint.empty() ? "" : " Fix: " + f.fixHint) + "\n";

    auto written = ctx.writer.write([&](store::Connection& c) -> common::Status {
        for (const auto& f : report.findings) {
            auto payload = EventRecorder::payload({{"rule_id", f.ruleId},
                                                   {"severity", review::severityName(f.severity)},
                                                   {"source", review::sourceName(f.source)},
                                                   {"file", f.file},
                                                   {"message", f.message},
                                                   {"fix_hint", f.fixHint},
                                                   {"finding_id", f.id}});
            (*payload.mutable_fields())["line"].set_number_value(f.line);
            ctx.writer.event(c, "review.finding",
                             std::string(review::severityName(f.severity)) + " " + f.ruleId +
                                 " at " + f.file + ":" + std::to_string(f.line) + ": " + f.message,
                             payload);
        }
        return ArtifactFiles::write(
            ctx, c, "review-" + std::to_string(round) + ".md", fv1::ARTIFACT_TYPE_ANALYSIS_REPORT,
            "text/markdown; charset=utf-8", review::ReportRenderer::markdown(report));
    });
    if (!written.ok())
        return written.error();
    return verdict;
}

} // namespace builder::pipeline
