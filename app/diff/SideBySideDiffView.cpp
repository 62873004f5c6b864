#include "SideBySideDiffView.h"

#include "editor/CodeView.h"

#include <QHBoxLayout>
#include <QHash>
#include <QSplitter>

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

int findingRow(const DiffDocument::File& file, const DiffDocument::Finding& finding)
{
    if (finding.line <= 0)
        return file.right.rows.isEmpty() ? -1 : 0;
    return file.right.rowOf(DiffDocument::Side::New, finding.line);
}

void applyComments(editor::CodeView& view, const DiffDocument::Pane& pane,
                   const std::vector<DiffDocument::Comment>& comments, DiffDocument::Side side,
                   QHash<int, QStringList> findings)
{
    QHash<int, QStringList> notes;
    for (const auto& comment : comments)
        if (comment.side == side)
            if (const int row = pane.rowOf(side, comment.line); row >= 0)
                notes[row] << DiffPane::commentText(comment);
    for (auto it = findings.cbegin(); it != findings.cend(); ++it)
        view.setNotes(it.key(), it.value() + notes.take(it.key()),
                      editor::CodeView::NoteKind::Finding);
    for (auto it = notes.cbegin(); it != notes.cend(); ++it)
        view.setNotes(it.key(), it.value(), editor::CodeView::NoteKind::Comment);
}

} // namespace

SideBySideDiffView::SideBySideDiffView(QWidget* parent) : DiffPane(parent)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    m_left = new editor::CodeView(splitter);
    m_left->setObjectName(QStringLiteral("oldSideText"));
    m_left->setAccessibleName(tr("Old version"));
    m_right = new editor::CodeView(splitter);
    m_right->setObjectName(QStringLiteral("newSideText"));
    m_right->setAccessibleName(tr("New version"));
    layout->addWidget(splitter);
    setFocusProxy(m_right);
    connect(m_left, &editor::CodeView::firstVisibleLineChanged, m_right,
            &editor::CodeView::setFirstVisibleLine);
    connect(m_right, &editor::CodeView::firstVisibleLineChanged, m_left,
            &editor::CodeView::setFirstVisibleLine);
    connect(m_left, &editor::CodeView::lineActivated, this, [this](int row) {
        if (m_file && row >= 0 && row < static_cast<int>(m_file->left.oldLines.size()) &&
            m_file->left.oldLines[static_cast<std::size_t>(row)] > 0)
            emit commentRequested(m_file->left.oldLines[static_cast<std::size_t>(row)],
                                  DiffDocument::Side::Old);
    });
    connect(m_right, &editor::CodeView::lineActivated, this, [this](int row) {
        if (m_file && row >= 0 && row < static_cast<int>(m_file->right.newLines.size()) &&
            m_file->right.newLines[static_cast<std::size_t>(row)] > 0)
            emit commentRequested(m_file->right.newLines[static_cast<std::size_t>(row)],
                                  DiffDocument::Side::New);
    });
}

void SideBySideDiffView::showFile(const DiffDocument::File& file)
{
    m_file = &file;
    m_left->setDocument(file.left.text(), file.oldPath.isEmpty() ? file.path : file.oldPath,
                        file.left.labels, kindsOf(file.left));
    m_right->setDocument(file.right.text(), file.path, file.right.labels, kindsOf(file.right));
    showNotes(file);
}

void SideBySideDiffView::showNotes(const DiffDocument::File& file)
{
    m_left->clearNotes();
    m_right->clearNotes();
    QHash<int, QStringList> findings;
    for (const auto& finding : file.findings) {
        const int row = findingRow(file, finding);
        if (row < 0)
            continue;
        markFinding(*m_right, row, finding);
        findings[row] << findingText(finding);
    }
    applyComments(*m_left, file.left, file.comments, DiffDocument::Side::Old, {});
    applyComments(*m_right, file.right, file.comments, DiffDocument::Side::New, findings);
}

std::vector<int> SideBySideDiffView::hunkRows(const DiffDocument::File& file) const
{
    return file.hunkRowsSxS;
}

std::vector<int> SideBySideDiffView::findingRows(const DiffDocument::File& file) const
{
    std::vector<int> rows;
    for (const auto& finding : file.findings)
        if (const int row = findingRow(file, finding); row >= 0)
            rows.push_back(row);
    std::sort(rows.begin(), rows.end());
    return rows;
}

void SideBySideDiffView::gotoRow(int row)
{
    m_right->gotoLine(row);
    m_left->gotoLine(row);
}

int SideBySideDiffView::currentRow() const
{
    return m_right->currentLine();
}

} // namespace builder::diff
