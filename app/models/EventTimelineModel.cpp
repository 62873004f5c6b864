#include "EventTimelineModel.h"

#include "TimeText.h"

#include <QDateTime>
#include <QLocale>

namespace builder::models {

void EventTimelineModel::append(const std::vector<feature::feature::v1::FeatureEvent>& events)
{
    if (events.empty())
        return;
    const int first = rowCount();
    beginInsertRows({}, first, first + static_cast<int>(events.size()) - 1);
    m_rows.reserve(m_rows.size() + events.size());
    for (const auto& event : events)
        m_rows.push_back({event.sequence_number(), TimeText::toMsecs(event.timestamp()),
                          QString::fromStdString(event.type()),
                          QString::fromStdString(event.summary())});
    endInsertRows();
}

void EventTimelineModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int EventTimelineModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int EventTimelineModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventTimelineModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    if (role == TypeRole)
        return row.type;
    if (role == SequenceRole)
        return row.sequence;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case SequenceColumn:
        return row.sequence;
    case TimeColumn:
        return QDateTime::fromMSecsSinceEpoch(row.timeMs).toString(QStringLiteral("HH:mm:ss.zzz"));
    case TypeColumn:
        return row.type;
    case SummaryColumn:
        return row.summary;
    default:
        return {};
    }
}

QVariant EventTimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SequenceColumn:
        return tr("#");
    case TimeColumn:
        return tr("Time");
    case TypeColumn:
        return tr("Event");
    case SummaryColumn:
        return tr("Summary");
    default:
        return {};
    }
}

} // namespace builder::models
