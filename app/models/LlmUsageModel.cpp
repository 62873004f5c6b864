#include "LlmUsageModel.h"

#include <QFont>
#include <QLocale>

namespace builder::models {

void LlmUsageModel::addCall(const Call& call)
{
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        Row& row = m_rows[i];
        if (row.provider != call.provider || row.model != call.model)
            continue;
        ++row.calls;
        row.tokensIn += call.tokensIn;
        row.tokensOut += call.tokensOut;
        row.costUsd += call.costUsd;
        const int r = static_cast<int>(i);
        emit dataChanged(index(r, 0), index(r, ColumnCount - 1));
        const int last = rowCount() - 1;
        emit dataChanged(index(last, 0), index(last, ColumnCount - 1));
        return;
    }
    const int at = static_cast<int>(m_rows.size());
    // The total row appears with the first call.
    beginInsertRows({}, at, m_rows.empty() ? at + 1 : at);
    m_rows.push_back({call.provider, call.model, 1, call.tokensIn, call.tokensOut, call.costUsd});
    endInsertRows();
    const int last = rowCount() - 1;
    emit dataChanged(index(last, 0), index(last, ColumnCount - 1));
}

void LlmUsageModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

double LlmUsageModel::totalCost() const
{
    return total().costUsd;
}

LlmUsageModel::Row LlmUsageModel::total() const
{
    Row sum{tr("Total"), QString(), 0, 0, 0, 0};
    for (const Row& row : m_rows) {
        sum.calls += row.calls;
        sum.tokensIn += row.tokensIn;
        sum.tokensOut += row.tokensOut;
        sum.costUsd += row.costUsd;
    }
    return sum;
}

int LlmUsageModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() || m_rows.empty())
        return 0;
    return static_cast<int>(m_rows.size()) + 1;
}

int LlmUsageModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LlmUsageModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const bool isTotal = index.row() == static_cast<int>(m_rows.size());
    if (role == Qt::FontRole && isTotal) {
        QFont font;
        font.setBold(true);
        return font;
    }
    if (role == Qt::TextAlignmentRole && index.column() >= CallsColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    const Row row = isTotal ? total() : m_rows[static_cast<std::size_t>(index.row())];
    const QLocale locale;
    switch (index.column()) {
    case ProviderColumn:
        return row.provider;
    case ModelColumn:
        return row.model;
    case CallsColumn:
        return row.calls;
    case TokensInColumn:
        return locale.toString(row.tokensIn);
    case TokensOutColumn:
        return locale.toString(row.tokensOut);
    case CostColumn:
        return QStringLiteral("$") + locale.toString(row.costUsd, 'f', 4);
    default:
        return {};
    }
}

QVariant LlmUsageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ProviderColumn:
        return tr("Provider");
    case ModelColumn:
        return tr("Model");
    case CallsColumn:
        return tr("Calls");
    case TokensInColumn:
        return tr("Tokens in");
    case TokensOutColumn:
        return tr("Tokens out");
    case CostColumn:
        return tr("Cost");
    default:
        return {};
    }
}

} // namespace builder::models
