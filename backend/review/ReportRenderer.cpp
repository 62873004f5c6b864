#include "ReportRenderer.h"

#include <cstdio>

namespace builder::review {

namespace {

// Markdown table cells: no line breaks, pipes escaped.
std::string cell(std::string_view text)
{
    std::string out;
    for (const char c : text) {
        if (c == '|')
            out += "\\|";
        else if (c == '\n' || c == '\r')
            out += ' ';
        else
            out += c;
    }
    return out;
}

std::string place(const Finding& f)
{
    if (f.file.empty())
        return "(whole change)";
    return f.line > 0 ? f.file + ":" + std::to_string(f.line) : f.file;
}

} // namespace

std::string ReportRenderer::jsonString(std::string_view text)
{
    std::string out = "\"";
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
                out += buffer;
            } else {
                out += ch;
            }
        }
    }
    return out + "\"";
}

std::string ReportRenderer::markdown(const ReviewReport& r)
{
    std::string out = "# Automated review\n\n";
    out +=
        "- Decision: **" + std::string(decisionName(r.decision)) + "** (" + cell(r.reason) + ")\n";
    out += "- Risk score: " + std::to_string(r.riskScore) + "/100 (MAX_RISK_SCORE " +
           std::to_string(r.thresholds.maxRiskScore) + ")\n";
    out += "- Findings: " + std::to_string(r.findings.size()) + " (" +
           std::to_string(r.counts.critical) + " critical, " + std::to_string(r.counts.high) +
           " high, " + std::to_string(r.counts.medium) + " medium, " +
           std::to_string(r.counts.low) + " low, " + std::to_string(r.counts.model) +
           " model opinions)\n";
    out += "- Thresholds: MAX_CRITICAL_ISSUES " + std::to_string(r.thresholds.maxCriticalIssues) +
           ", MAX_HIGH_ISSUES " + std::to_string(r.thresholds.maxHighIssues) +
           ", BLOCK_ON_SECRETS " + (r.thresholds.blockOnSecrets ? "true" : "false") + "\n";
    out += "- Change: " + std::to_string(r.filesReviewed) + " file(s), +" +
           std::to_string(r.linesAdded) + " / -" + std::to_string(r.linesRemoved) + " lines\n";
    if (!r.modelError.empty())
        out += "- Model review failed: " + cell(r.modelError) + "\n";
    if (r.findings.empty())
        return out + "\nNo findings.\n";
    out += "\n| Severity | Source | Rule | Location | Message | Fix |\n";
    out += "|---|---|---|---|---|---|\n";
    for (const auto& f : r.findings) {
        out += "| " + std::string(severityName(f.severity)) + " | " + sourceName(f.source) +
               " | `" + cell(f.ruleId) + "` | " + cell(place(f)) + " | " + cell(f.message) + " | " +
               cell(f.fixHint) + " |\n";
    }
    return out;
}

std::string ReportRenderer::json(const ReviewReport& r)
{
    std::string out = "{";
    out += "\"decision\":" + jsonString(decisionName(r.decision));
    out += ",\"reason\":" + jsonString(r.reason);
    out += ",\"risk_score\":" + std::to_string(r.riskScore);
    out += ",\"summary\":" + jsonString(r.summary);
    out += ",\"counts\":{\"critical\":" + std::to_string(r.counts.critical) +
           ",\"high\":" + std::to_string(r.counts.high) +
           ",\"medium\":" + std::to_string(r.counts.medium) +
           ",\"low\":" + std::to_string(r.counts.low) +
           ",\"secrets\":" + std::to_string(r.counts.secrets) +
           ",\"model\":" + std::to_string(r.counts.model) + "}";
    out += ",\"thresholds\":{\"max_risk_score\":" + std::to_string(r.thresholds.maxRiskScore) +
           ",\"max_critical_issues\":" + std::to_string(r.thresholds.maxCriticalIssues) +
           ",\"max_high_issues\":" + std::to_string(r.thresholds.maxHighIssues) +
           ",\"block_on_secrets\":" + (r.thresholds.blockOnSecrets ? "true" : "false") + "}";
    out += ",\"files_reviewed\":" + std::to_string(r.filesReviewed);
    out += ",\"lines_added\":" + std::to_string(r.linesAdded);
    out += ",\"lines_removed\":" + std::to_string(r.linesRemoved);
    if (!r.modelError.empty())
        out += ",\"model_error\":" + jsonString(r.modelError);
    out += ",\"findings\":[";
    for (std::size_t i = 0; i < r.findings.size(); ++i) {
        const Finding& f = r.findings[i];
        out += i ? ",{" : "{";
        out += "\"id\":" + jsonString(f.id);
        out += ",\"rule_id\":" + jsonString(f.ruleId);
        out += ",\"severity\":" + jsonString(severityName(f.severity));
        out += ",\"source\":" + jsonString(sourceName(f.source));
        out += ",\"file\":" + jsonString(f.file);
        out += ",\"line\":" + std::to_string(f.line);
        out += ",\"message\":" + jsonString(f.message);
        out += ",\"fix_hint\":" + jsonString(f.fixHint);
        out += "}";
    }
    return out + "]}";
}

} // namespace builder::review
