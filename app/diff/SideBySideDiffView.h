#pragma once

#include "DiffPane.h"

namespace builder::diff {

// Two columns, old on the left and new on the right, rows aligned and scrolled together.
class SideBySideDiffView final : public DiffPane
{
    Q_OBJECT
public:
    explicit SideBySideDiffView(QWidget* parent = nullptr);

    void showFile(const DiffDocument::File& file) override;
    void showNotes(const DiffDocument::File& file) override;
    std::vector<int> hunkRows(const DiffDocument::File& file) const override;
    std::vector<int> findingRows(const DiffDocument::File& file) const override;
    void gotoRow(int row) override;
    int currentRow() const override;

private:
    editor::CodeView* m_left;
    editor::CodeView* m_right;
    const DiffDocument::File* m_file = nullptr;
};

} // namespace builder::diff
