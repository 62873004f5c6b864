#include "UnifiedDiffView.h"

#include "editor/CodeView.h"

#include <QHash>
#include <QVBoxLayout>

namespace builder::diff {

namespace {

std::vector<editor::CodeView::LineKind> kindsOf(const DiffDocument::Pane& pane)
{
    std::vector<editor::CodeView::LineKind> kinds;
    kinds.reserve(pane.kinds.size());
    for (auto kind : pane.kinds)
        kinds.push_back(static_cast<editor::CodeView::LineKind>(kind));
    return kinds;
}

int findingRow(const DiffDocument::Pane& pane, const DiffDocument::Finding& finding)
{
    if (finding.line <= 0)
        return pane.rows.isEmpty() ? -1 : 0;
    return pane.rowOf(DiffDocument::Side::New, finding.line);
}

} // namespace

UnifiedDiffView::UnifiedDiffView(QWidget* parent) : DiffPane(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_view = new editor::CodeView(this);
    m_view->setObjectName(QStringLiteral("unifiedDiffText"));
    m_view->setAccessibleName(tr("Unified diff"));
    layout->addWidget(m_view);
    setFocusProxy(m_view);
    connect(m_view, &editor::CodeView::lineActivated, this, [this](int row) {
        if (!m_file || row < 0 || row >= static_cast<int>(m_file->unified.newLines.size()))
            return;
        const auto& pane = m_file->unified;
        const auto index = static_cast<std::size_t>(row);
        if (pane.newLines[index] > 0)
            emit commentRequested(pane.newLines[index], DiffDocument::Side::New);
        else if (pane.oldLines[index] > 0)
            emit commentRequested(pane.oldLines[index], DiffDocument::Side::Old);
    });
}

void UnifiedDiffView::showFile(const DiffDocument::File& file)
{
    m_file = &file;
    m_view->setDocument(file.unified.text(), file.path, file.unified.labels, kindsOf(file.unified));
    showNotes(file);
}

void UnifiedDiffView::showNotes(const DiffDocument::File& file)
{
    m_view->clearNotes();
    QHash<int, QStringList> findings;
    for (const auto& finding : file.findings) {
        const int row = findingRow(file.unified, finding);
        if (row < 0)
            continue;
        markFinding(*m_view, row, finding);
        findings[row] << findingText(finding);
    }
    QHash<int, QStringList> comments;
    for (const auto& comment : file.comments) {
        const int row = file.unified.rowOf(comment.side, comment.line);
        if (row >= 0)
            comments[row] << commentText(comment);
    }
    for (auto it = findings.cbegin(); it != findings.cend(); ++it)
        m_view->setNotes(it.key(), it.value() + comments.take(it.key()),
                         editor::CodeView::NoteKind::Finding);
    for (auto it = comments.cbegin(); it != comments.cend(); ++it)
        m_view->setNotes(it.key(), it.value(), editor::CodeView::NoteKind::Comment);
}

std::vector<int> UnifiedDiffView::hunkRows(const DiffDocument::File& file) const
{
    return file.hunkRows;
}

std::vector<int> UnifiedDiffView::findingRows(const DiffDocument::File& file) const
{
    std::vector<int> rows;
    for (const auto& finding : file.findings)
        if (const int row = findingRow(file.unified, finding); row >= 0)
            rows.push_back(row);
    std::sort(rows.begin(), rows.end());
    return rows;
}

void UnifiedDiffView::gotoRow(int row)
{
    m_view->gotoLine(row);
}

int UnifiedDiffView::currentRow() const
{
    return m_view->currentLine();
}

} // namespace builder::diff
