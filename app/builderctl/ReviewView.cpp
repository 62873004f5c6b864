#include "ReviewView.h"

#include "Table.h"
#include "TextWidth.h"
#include "review/ReviewProto.h"

#include <set>

namespace builder::ctl {

namespace {

namespace pb = feature::review::v1;

std::string upper(const char* text)
{
    std::string out(text);
    for (char& c : out) {
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    }
    return out;
}

std::string location(const review::Finding& f)
{
    if (f.file.empty())
        return "(whole change)";
    return f.line > 0 ? f.file + ":" + std::to_string(f.line) : f.file;
}

} // namespace

pb::ReviewPatchResponse ReviewView::toProto(const review::ReviewReport& report)
{
    return review::ReviewProto::toProto(report);
}

std::string ReviewView::text(const review::ReviewReport& report)
{
    std::string out;
    if (report.findings.empty()) {
        out += "No findings.\n";
    } else {
        Table table({"SEVERITY", "SOURCE", "RULE", "LOCATION", "MESSAGE"});
        table.setMaxWidth(3, 50);
        for (const auto& f : report.findings)
            table.addRow({upper(review::severityName(f.severity)), review::sourceName(f.source),
                          f.ruleId, TextWidth::sanitize(location(f)),
                          TextWidth::sanitize(f.message)});
        out += table.toString();
        out += "\nFixes:\n";
        std::set<std::string> shown;
        for (const auto& f : report.findings) {
            if (!shown.insert(f.ruleId).second)
                continue;
            out += "  " + f.ruleId + ": " + TextWidth::sanitize(f.fixHint) + "\n";
        }
    }
    out += "\nRisk score: " + std::to_string(report.riskScore) + "/100 (max " +
           std::to_string(report.thresholds.maxRiskScore) + ")\n";
    out += "Decision: " + std::string(review::decisionName(report.decision)) + " (" +
           TextWidth::sanitize(report.reason) + ")\n";
    if (!report.modelError.empty())
        out += "Model review failed: " + TextWidth::sanitize(report.modelError) + "\n";
    return out;
}

} // namespace builder::ctl
