#include "DiffPane.h"

#include "editor/CodeView.h"

namespace builder::diff {

DiffPane::~DiffPane() = default;

QString DiffPane::severityName(int severity)
{
    switch (severity) {
    case 4:
        return tr("Critical");
    case 3:
        return tr("High");
    case 2:
        return tr("Medium");
    default:
        return tr("Low");
    }
}

void DiffPane::markFinding(editor::CodeView& view, int row, const DiffDocument::Finding& finding)
{
    using Severity = editor::CodeView::Severity;
    const Severity severity = finding.severity >= 4   ? Severity::Critical
                              : finding.severity == 3 ? Severity::High
                              : finding.severity == 2 ? Severity::Medium
                                                      : Severity::Low;
    view.addFindingMarker(row, severity);
}

QString DiffPane::findingText(const DiffDocument::Finding& finding)
{
    QString text = QStringLiteral("[%1] %2").arg(severityName(finding.severity), finding.message);
    if (!finding.ruleId.isEmpty())
        text +=
            QStringLiteral("  (%1%2)")
                .arg(finding.source.isEmpty() ? QString() : finding.source + '/', finding.ruleId);
    if (!finding.fixHint.isEmpty())
        text += '\n' + tr("Fix: %1").arg(finding.fixHint);
    return text;
}

QString DiffPane::commentText(const DiffDocument::Comment& comment)
{
    const QString who = comment.author.isEmpty() ? tr("You") : comment.author;
    QString text = tr("%1: %2").arg(who, comment.body);
    if (comment.pending)
        text += ' ' + tr("(not sent yet)");
    return text;
}

} // namespace builder::diff
