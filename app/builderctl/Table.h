#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace builder::ctl {

// A plain-text table: columns aligned by display width and two spaces apart,
// long cells cut to their column's maximum, no trailing spaces.
class Table
{
public:
    explicit Table(std::vector<std::string> headers);

    // Cells of `column` longer than `columns` are cut with an ellipsis.
    void setMaxWidth(std::size_t column, int columns);
    void addRow(std::vector<std::string> cells);
    std::size_t rowCount() const { return m_rows.size(); }
    std::string toString() const;

    // One line with fixed widths, for streamed rows that cannot wait for the rest.
    static std::string formatRow(const std::vector<std::string>& cells,
                                 const std::vector<int>& widths);

    static constexpr const char* kGap = "  ";

private:
    std::vector<std::string> m_headers;
    std::vector<int> m_maxWidths; // 0: unlimited
    std::vector<std::vector<std::string>> m_rows;
};

} // namespace builder::ctl
