#pragma once

#include "feature/feature/v1/feature.pb.h"

#include <QAbstractTableModel>

#include <vector>

namespace builder::models {

// The live event timeline of one execution. Batches are appended with one
// insert each, so thousands of events per second stay cheap for the view.
class EventTimelineModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        SequenceColumn,
        TimeColumn,
        TypeColumn,
        SummaryColumn,
        ColumnCount
    };
    static constexpr int TypeRole = Qt::UserRole + 1;
    static constexpr int SequenceRole = Qt::UserRole + 2;

    using QAbstractTableModel::QAbstractTableModel;

    void append(const std::vector<feature::feature::v1::FeatureEvent>& events);
    void clear();
    quint64 lastSequence() const { return m_rows.empty() ? 0 : m_rows.back().sequence; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Row
    {
        quint64 sequence = 0;
        qint64 timeMs = 0;
        QString type;
        QString summary;
    };
    std::vector<Row> m_rows;
};

} // namespace builder::models
