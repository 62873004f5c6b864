#include "Table.h"

#include "TextWidth.h"

#include <algorithm>

namespace builder::ctl {

Table::Table(std::vector<std::string> headers)
    : m_headers(std::move(headers)), m_maxWidths(m_headers.size(), 0)
{}

void Table::setMaxWidth(std::size_t column, int columns)
{
    if (column < m_maxWidths.size())
        m_maxWidths[column] = columns;
}

void Table::addRow(std::vector<std::string> cells)
{
    cells.resize(m_headers.size());
    for (std::size_t i = 0; i < cells.size(); ++i) {
        cells[i] = TextWidth::sanitize(cells[i]);
        if (m_maxWidths[i] > 0)
            cells[i] = TextWidth::truncate(cells[i], m_maxWidths[i]);
    }
    m_rows.push_back(std::move(cells));
}

std::string Table::formatRow(const std::vector<std::string>& cells, const std::vector<int>& widths)
{
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const bool last = i + 1 == cells.size();
        if (i > 0)
            line += kGap;
        line += last || i >= widths.size() ? cells[i] : TextWidth::padRight(cells[i], widths[i]);
    }
    // A trailing empty cell would leave spaces behind.
    while (!line.empty() && line.back() == ' ')
        line.pop_back();
    return line + "\n";
}

std::string Table::toString() const
{
    std::vector<int> widths(m_headers.size(), 0);
    for (std::size_t i = 0; i < m_headers.size(); ++i)
        widths[i] = TextWidth::columns(m_headers[i]);
    for (const auto& row : m_rows) {
        for (std::size_t i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], TextWidth::columns(row[i]));
    }
    std::string out = formatRow(m_headers, widths);
    for (const auto& row : m_rows)
        out += formatRow(row, widths);
    return out;
}

} // namespace builder::ctl
