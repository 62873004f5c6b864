#pragma once

#include "DiffDocument.h"

#include <QWidget>

class QStackedWidget;

namespace builder::diff {

class DiffPane;

// One file of a diff in the chosen mode (unified or side by side), with
// next/previous hunk and finding. Switching modes keeps the file.
class DiffView : public QWidget
{
    Q_OBJECT
public:
    enum class Mode
    {
        Unified,
        SideBySide
    };

    explicit DiffView(QWidget* parent = nullptr);

    // `file` must outlive its display (the DiffDocument owns it).
    void showFile(const DiffDocument::File* file);
    void refreshNotes();
    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    const DiffDocument::File* file() const { return m_file; }

    // False when there is no further hunk/finding in this file.
    bool nextHunk();
    bool previousHunk();
    bool nextFinding();
    bool previousFinding();
    void gotoFirstRow();
    void gotoLastRow();

signals:
    void commentRequested(int line, builder::diff::DiffDocument::Side side);
    void modeChanged(builder::diff::DiffView::Mode mode);

private:
    DiffPane* current() const;
    bool step(const std::vector<int>& rows, bool forward);

    QStackedWidget* m_stack;
    DiffPane* m_unified;
    DiffPane* m_sideBySide;
    Mode m_mode = Mode::Unified;
    const DiffDocument::File* m_file = nullptr;
    bool m_unifiedStale = true;
    bool m_sideBySideStale = true;
};

} // namespace builder::diff
