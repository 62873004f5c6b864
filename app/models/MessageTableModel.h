#pragma once

#include <QAbstractTableModel>
#include <QString>
#include <QVariant>

#include <functional>
#include <vector>

namespace builder::models {

// A read-only table over a vector of values (proto messages), one column per
// accessor. The admin lists, artifacts and comments are all this model.
template <typename T> class MessageTableModel : public QAbstractTableModel
{
public:
    struct Column
    {
        QString header;
        std::function<QVariant(const T&, int role)> value;
    };

    explicit MessageTableModel(std::vector<Column> columns, QObject* parent = nullptr)
        : QAbstractTableModel(parent), m_columns(std::move(columns))
    {}

    void setItems(std::vector<T> items)
    {
        beginResetModel();
        m_items = std::move(items);
        endResetModel();
    }
    void append(const T& item)
    {
        const int row = static_cast<int>(m_items.size());
        beginInsertRows({}, row, row);
        m_items.push_back(item);
        endInsertRows();
    }
    void replace(int row, const T& item)
    {
        if (row < 0 || row >= rowCount())
            return;
        m_items[static_cast<std::size_t>(row)] = item;
        emit dataChanged(index(row, 0), index(row, columnCount() - 1));
    }
    const T& item(int row) const { return m_items.at(static_cast<std::size_t>(row)); }
    const std::vector<T>& items() const { return m_items; }

    int rowCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_items.size());
    }
    int columnCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
    }
    QVariant data(const QModelIndex& index, int role) const override
    {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
            return {};
        const auto& column = m_columns[static_cast<std::size_t>(index.column())];
        return column.value(m_items[static_cast<std::size_t>(index.row())], role);
    }
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
            section >= columnCount())
            return {};
        return m_columns[static_cast<std::size_t>(section)].header;
    }

private:
    std::vector<Column> m_columns;
    std::vector<T> m_items;
};

} // namespace builder::models
