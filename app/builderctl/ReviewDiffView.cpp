#include "ReviewDiffView.h"

#include "EnumNames.h"
#include "Table.h"
#include "TextWidth.h"
#include "TimeText.h"

namespace builder::ctl {

namespace rv1 = feature::review::v1;

namespace {

std::string shortName(const google::protobuf::EnumDescriptor* type, int value)
{
    return value == 0 ? std::string("-") : EnumNames::shortName(type, value);
}

std::string upper(std::string text)
{
    for (char& c : text)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    return text;
}

std::string place(const std::string& file, int line)
{
    if (file.empty())
        return "(whole change)";
    return line > 0 ? file + ":" + std::to_string(line) : file;
}

// Patch text keeps tabs but no other control character: a terminal must not be
// driven by the content of a reviewed file.
std::string patchLine(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c < 0x20 && c != '\t') || c == 0x7f)
            out += "\xEF\xBF\xBD";
        else
            out += ch;
    }
    return out;
}

std::string filesTable(const rv1::GetDiffResponse& diff)
{
    Table table({"FILE", "STATUS", "+", "-"});
    table.setMaxWidth(0, 70);
    int added = 0;
    int removed = 0;
    for (const auto& f : diff.files()) {
        std::string name = TextWidth::sanitize(f.path());
        if (f.status() == rv1::FILE_STATUS_RENAMED && !f.old_path().empty())
            name = TextWidth::sanitize(f.old_path()) + " -> " + name;
        table.addRow(
            {name,
             shortName(rv1::FileStatus_descriptor(), f.status()) + (f.binary() ? " (binary)" : ""),
             std::to_string(f.additions()), std::to_string(f.deletions())});
        added += f.additions();
        removed += f.deletions();
    }
    return table.toString() + std::to_string(diff.files_size()) + " file(s), +" +
           std::to_string(added) + " -" + std::to_string(removed) + "\n";
}

std::string findingsTable(const rv1::GetDiffResponse& diff)
{
    Table table({"SEVERITY", "SOURCE", "RULE", "LOCATION", "MESSAGE"});
    table.setMaxWidth(3, 50);
    table.setMaxWidth(4, 80);
    for (const auto& f : diff.findings())
        table.addRow({upper(shortName(rv1::Severity_descriptor(), f.severity())),
                      shortName(rv1::FindingSource_descriptor(), f.source()),
                      TextWidth::sanitize(f.rule_id()),
                      TextWidth::sanitize(place(f.file(), f.line())),
                      TextWidth::sanitize(f.message())});
    return table.toString();
}

std::string comments(const rv1::GetDiffResponse& diff)
{
    std::string out;
    for (const auto& c : diff.comments()) {
        out += "  " + TextWidth::sanitize(place(c.file(), c.line())) +
               (c.side() == rv1::COMMENT_SIDE_OLD ? " (old side)" : "") + " - " +
               TextWidth::sanitize(c.author()) + ", " + TimeText::format(c.created_at()) + "\n";
        out += "    " + TextWidth::sanitize(c.body()) + "\n";
    }
    return out;
}

} // namespace

std::string ReviewDiffView::text(const std::string& executionId, const rv1::GetDiffResponse& diff,
                                 bool withPatch)
{
    std::string out = "Base:  " + diff.base_sha() + "\nHead:  " + diff.head_sha() + "\n";
    out += "Automated review: " + shortName(rv1::ReviewDecision_descriptor(), diff.decision()) +
           ", risk score " + std::to_string(diff.risk_score()) + "/100\n\n";
    out += diff.files_size() == 0 ? std::string("No changes.\n") : filesTable(diff);
    out += "\nFindings (" + std::to_string(diff.findings_size()) + ")" +
           (diff.findings_size() == 0 ? ": none\n" : ":\n" + findingsTable(diff));
    out += "\nComments (" + std::to_string(diff.comments_size()) + ")" +
           (diff.comments_size() == 0 ? ": none\n" : ":\n" + comments(diff));
    if (withPatch)
        out += "\n" + patch(diff);
    else
        out += "\nThe diff itself: builderctl review diff " + executionId + " --patch\n";
    out += "Decide: builderctl review approve " + executionId + " --sha " + diff.head_sha() +
           "\n        builderctl review request-changes " + executionId + " --sha " +
           diff.head_sha() + " --comment FILE:LINE:TEXT\n";
    return out;
}

std::string ReviewDiffView::patch(const rv1::GetDiffResponse& diff)
{
    std::string out;
    for (const auto& f : diff.files()) {
        const std::string oldName = f.old_path().empty() ? f.path() : f.old_path();
        out += "diff --git a/" + patchLine(oldName) + " b/" + patchLine(f.path()) + "\n";
        if (f.status() == rv1::FILE_STATUS_RENAMED)
            out +=
                "rename from " + patchLine(oldName) + "\nrename to " + patchLine(f.path()) + "\n";
        if (f.binary()) {
            out += "Binary files differ\n";
            continue;
        }
        if (f.hunks_size() == 0)
            continue;
        out += "--- " +
               (f.status() == rv1::FILE_STATUS_ADDED ? std::string("/dev/null")
                                                     : "a/" + patchLine(oldName)) +
               "\n+++ " +
               (f.status() == rv1::FILE_STATUS_DELETED ? std::string("/dev/null")
                                                       : "b/" + patchLine(f.path())) +
               "\n";
        for (const auto& h : f.hunks()) {
            out += patchLine(h.header()) + "\n";
            for (const auto& line : h.lines()) {
                const char mark = line.kind() == rv1::LINE_KIND_ADDED     ? '+'
                                  : line.kind() == rv1::LINE_KIND_REMOVED ? '-'
                                                                          : ' ';
                out += mark + patchLine(line.content()) + "\n";
            }
        }
    }
    return out;
}

} // namespace builder::ctl
