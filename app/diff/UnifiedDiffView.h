#pragma once

#include "DiffPane.h"

namespace builder::diff {

// One column: removed and added lines interleaved, old and new numbers in the margin.
class UnifiedDiffView final : public DiffPane
{
    Q_OBJECT
public:
    explicit UnifiedDiffView(QWidget* parent = nullptr);

    void showFile(const DiffDocument::File& file) override;
    void showNotes(const DiffDocument::File& file) override;
    std::vector<int> hunkRows(const DiffDocument::File& file) const override;
    std::vector<int> findingRows(const DiffDocument::File& file) const override;
    void gotoRow(int row) override;
    int currentRow() const override;
    editor::CodeView& codeView() { return *m_view; }

private:
    editor::CodeView* m_view;
    const DiffDocument::File* m_file = nullptr;
};

} // namespace builder::diff
