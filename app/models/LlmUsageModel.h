#pragma once

#include <QAbstractTableModel>

#include <vector>

namespace builder::models {

// LLM usage and cost of one execution, one row per provider and model plus a
// total, summed from llm.call events.
class LlmUsageModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        ProviderColumn,
        ModelColumn,
        CallsColumn,
        TokensInColumn,
        TokensOutColumn,
        CostColumn,
        ColumnCount
    };
    struct Call
    {
        QString provider;
        QString model;
        qint64 tokensIn = 0;
        qint64 tokensOut = 0;
        double costUsd = 0;
    };

    using QAbstractTableModel::QAbstractTableModel;

    void addCall(const Call& call);
    void clear();
    double totalCost() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Row
    {
        QString provider;
        QString model;
        int calls = 0;
        qint64 tokensIn = 0;
        qint64 tokensOut = 0;
        double costUsd = 0;
    };
    Row total() const;
    std::vector<Row> m_rows; // the total row is computed, shown last
};

} // namespace builder::models
