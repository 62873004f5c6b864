#include "DiffView.h"

#include "SideBySideDiffView.h"
#include "UnifiedDiffView.h"

#include <QStackedWidget>
#include <QVBoxLayout>

namespace builder::diff {

DiffView::DiffView(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    m_unified = new UnifiedDiffView(m_stack);
    m_sideBySide = new SideBySideDiffView(m_stack);
    m_stack->addWidget(m_unified);
    m_stack->addWidget(m_sideBySide);
    layout->addWidget(m_stack);
    setFocusProxy(m_unified);
    for (DiffPane* pane : {m_unified, m_sideBySide})
        connect(pane, &DiffPane::commentRequested, this, &DiffView::commentRequested);
}

DiffPane* DiffView::current() const
{
    return m_mode == Mode::Unified ? m_unified : m_sideBySide;
}

void DiffView::showFile(const DiffDocument::File* file)
{
    m_file = file;
    // Only the visible mode lays the file out now; the other waits until shown.
    m_unifiedStale = true;
    m_sideBySideStale = true;
    if (!file)
        return;
    current()->showFile(*file);
    (m_mode == Mode::Unified ? m_unifiedStale : m_sideBySideStale) = false;
}

void DiffView::refreshNotes()
{
    if (m_file)
        current()->showNotes(*m_file);
    // The hidden mode re-reads everything when it is next shown.
    (m_mode == Mode::Unified ? m_sideBySideStale : m_unifiedStale) = true;
}

void DiffView::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    m_stack->setCurrentWidget(current());
    setFocusProxy(current());
    bool& stale = mode == Mode::Unified ? m_unifiedStale : m_sideBySideStale;
    if (m_file && stale) {
        current()->showFile(*m_file);
        stale = false;
    }
    emit modeChanged(mode);
}

bool DiffView::step(const std::vector<int>& rows, bool forward)
{
    const int at = current()->currentRow();
    if (forward) {
        for (int row : rows)
            if (row > at) {
                current()->gotoRow(row);
                return true;
            }
        return false;
    }
    for (auto it = rows.rbegin(); it != rows.rend(); ++it)
        if (*it < at) {
            current()->gotoRow(*it);
            return true;
        }
    return false;
}

bool DiffView::nextHunk()
{
    return m_file && step(current()->hunkRows(*m_file), true);
}

bool DiffView::previousHunk()
{
    return m_file && step(current()->hunkRows(*m_file), false);
}

bool DiffView::nextFinding()
{
    return m_file && step(current()->findingRows(*m_file), true);
}

bool DiffView::previousFinding()
{
    return m_file && step(current()->findingRows(*m_file), false);
}

void DiffView::gotoFirstRow()
{
    current()->gotoRow(0);
}

void DiffView::gotoLastRow()
{
    if (m_file)
        current()->gotoRow(std::max(0, static_cast<int>(m_file->unified.rows.size()) - 1));
}

} // namespace builder::diff
