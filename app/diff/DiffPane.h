#pragma once

#include "DiffDocument.h"

#include <QWidget>

#include <vector>

namespace builder::editor {
class CodeView;
}

namespace builder::diff {

// What the unified and side-by-side views have in common: show one file with
// its findings and comments, move between hunks and findings, ask for comments.
class DiffPane : public QWidget
{
    Q_OBJECT
public:
    using QWidget::QWidget;
    ~DiffPane() override;

    virtual void showFile(const DiffDocument::File& file) = 0;
    // Re-applies findings and comments (after a comment was added).
    virtual void showNotes(const DiffDocument::File& file) = 0;
    virtual std::vector<int> hunkRows(const DiffDocument::File& file) const = 0;
    virtual std::vector<int> findingRows(const DiffDocument::File& file) const = 0;
    virtual void gotoRow(int row) = 0;
    virtual int currentRow() const = 0;

    // Shared by both views: the severity marker and note text of a finding.
    static void markFinding(editor::CodeView& view, int row, const DiffDocument::Finding& finding);
    static QString findingText(const DiffDocument::Finding& finding);
    static QString commentText(const DiffDocument::Comment& comment);
    static QString severityName(int severity);

signals:
    void commentRequested(int line, builder::diff::DiffDocument::Side side);
};

} // namespace builder::diff
