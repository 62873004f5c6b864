#include "Reviewer.h"

#include "PolicyChecker.h"
#include "RiskScore.h"
#include "ScanTarget.h"
#include "SecretScanner.h"
#include "SecurityScanner.h"
#include "common/diff/DiffParser.h"

#include <algorithm>
#include <cstring>

namespace builder::review {

namespace {

using common::diff::DiffFile;
using common::diff::FileStatus;
using common::diff::LineKind;

ScanTarget targetFor(const DiffFile& file, const ReviewInput& input)
{
    ScanTarget target;
    target.path = file.path();
    const auto content = input.newContents.find(file.path());
    if (file.status == FileStatus::Added && content != input.newContents.end()) {
        const std::string& text = content->second;
        std::size_t begin = 0;
        int number = 1;
        while (begin < text.size()) {
            const void* nl = std::memchr(text.data() + begin, '\n', text.size() - begin);
            const std::size_t end =
                nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - text.data())
                   : text.size();
            std::string_view line(text.data() + begin, end - begin);
            if (!line.empty() && line.back() == '\r')
                line.remove_suffix(1);
            target.lines.push_back({number++, line});
            begin = end + 1;
        }
        return target;
    }
    for (const auto& hunk : file.hunks) {
        for (const auto& line : hunk.lines) {
            if (line.kind == LineKind::Added)
                target.lines.push_back({line.newLine, line.content});
        }
    }
    return target;
}

std::string summaryLine(const ReviewReport& r)
{
    const FindingCounts& c = r.counts;
    std::string s =
        std::string(decisionName(r.decision)) + ": risk score " + std::to_string(r.riskScore) +
        "/100 (max " + std::to_string(r.thresholds.maxRiskScore) + "); " +
        std::to_string(r.findings.size()) + " finding(s): " + std::to_string(c.critical) +
        " critical, " + std::to_string(c.high) + " high, " + std::to_string(c.medium) +
        " medium, " + std::to_string(c.low) + " low";
    if (c.model > 0)
        s += ", " + std::to_string(c.model) + " model opinion(s)";
    s += "; " + r.reason;
    if (!r.modelError.empty())
        s += "; model review failed: " + r.modelError;
    return s;
}

} // namespace

Reviewer::Reviewer(ModelReviewer* model) : m_model(model) {}

void Reviewer::addModelFindings(const ReviewInput& input, std::vector<Finding>& findings,
                                ReviewReport& report) const
{
    if (!m_model)
        return;
    std::vector<std::string> files;
    for (const auto& file : input.diff.files)
        files.push_back(file.path());
    auto result = m_model->review(input.diffText, files);
    if (!result.ok()) {
        report.modelError = result.error().message();
        return;
    }
    for (Finding f : *result) {
        f.source = FindingSource::Model;
        if (f.severity == Severity::Critical)
            f.severity = Severity::High; // an opinion never outranks a deterministic rule
        if (f.ruleId.empty())
            f.ruleId = "model-review";
        else if (f.ruleId.rfind("model-", 0) != 0)
            f.ruleId = "model-" + f.ruleId;
        if (f.message.rfind(kModelPrefix, 0) != 0)
            f.message = kModelPrefix + f.message;
        findings.push_back(std::move(f));
    }
}

ReviewReport Reviewer::review(const ReviewInput& input) const
{
    ReviewReport report;
    report.thresholds = input.thresholds;
    std::vector<Finding> findings;
    const SecretScanner& secrets = SecretScanner::builtIn();
    const SecurityScanner& security = SecurityScanner::builtIn();
    for (const DiffFile& file : input.diff.files) {
        ++report.filesReviewed;
        report.linesAdded += file.additions;
        report.linesRemoved += file.deletions;
        if (file.status == FileStatus::Deleted || file.binary)
            continue;
        const ScanTarget target = targetFor(file, input);
        secrets.scan(target, findings);
        security.scan(target, findings);
    }
    PolicyConfig policy;
    policy.forbiddenPaths = input.forbiddenPaths;
    policy.planTargetFiles = input.planTargetFiles;
    policy.largeDeletionLines = input.largeDeletionLines;
    PolicyChecker::check(input.diff, policy, findings);
    addModelFindings(input, findings, report);

    std::sort(findings.begin(), findings.end(), findingBefore);
    findings.erase(std::unique(findings.begin(), findings.end(),
                               [](const Finding& a, const Finding& b) {
                                   return a.ruleId == b.ruleId && a.file == b.file &&
                                          a.line == b.line && a.message == b.message;
                               }),
                   findings.end());
    for (auto& f : findings)
        f.id = findingId(f);
    report.findings = std::move(findings);
    report.riskScore = RiskScore::compute(report.findings);
    report.counts = DecisionTable::count(report.findings);
    const DecisionResult decision = DecisionTable::decide(
        report.counts, report.riskScore, input.thresholds, input.iteration, input.maxIterations);
    report.decision = decision.decision;
    report.reason = decision.reason;
    report.summary = summaryLine(report);
    return report;
}

common::Result<ReviewReport> Reviewer::reviewPatch(std::string_view patch,
                                                   ReviewInput options) const
{
    auto parsed = common::diff::DiffParser::parse(patch);
    if (!parsed.ok())
        return parsed.error();
    options.diff = std::move(*parsed);
    if (m_model && options.diffText.empty())
        options.diffText = std::string(patch);
    return review(options);
}

} // namespace builder::review
