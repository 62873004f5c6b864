#include "ExecutionListModel.h"

#include "StateText.h"
#include "TimeText.h"

#include <QBrush>

namespace builder::models {

namespace fv1 = feature::feature::v1;

ExecutionListModel::ExecutionListModel(QObject* parent) : QAbstractTableModel(parent) {}

ExecutionListModel::Row ExecutionListModel::toRow(const fv1::FeatureExecution& execution)
{
    Row row;
    row.id = QString::fromStdString(execution.id());
    row.title = QString::fromStdString(execution.spec().title());
    row.repositoryId = execution.repository_id();
    row.state = execution.state();
    row.percent = execution.progress().percent_complete();
    row.completedSteps = execution.progress().completed_steps();
    row.totalSteps = execution.progress().total_steps();
    row.createdMs = TimeText::toMsecs(execution.created_at());
    row.updatedMs = TimeText::toMsecs(execution.updated_at());
    return row;
}

void ExecutionListModel::setFetcher(PageFetcher fetcher)
{
    clear();
    m_fetcher = std::move(fetcher);
    m_hasMore = static_cast<bool>(m_fetcher);
    if (m_hasMore)
        fetchMore({});
}

void ExecutionListModel::setRepositoryNames(NameLookup lookup)
{
    m_names = std::move(lookup);
    if (!m_rows.empty())
        emit dataChanged(index(0, RepositoryColumn), index(rowCount() - 1, RepositoryColumn));
}

void ExecutionListModel::clear()
{
    ++m_generation; // pages still in flight belong to the old source
    beginResetModel();
    m_rows.clear();
    m_index.clear();
    m_nextToken.clear();
    m_hasMore = false;
    m_totalCount = -1;
    endResetModel();
    if (m_loading) {
        m_loading = false;
        emit loadingChanged(false);
    }
}

bool ExecutionListModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_hasMore && !m_loading;
}

void ExecutionListModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    m_loading = true;
    emit loadingChanged(true);
    const quint64 generation = m_generation;
    m_fetcher(m_nextToken, [this, generation](common::Result<PageResult> page) {
        onPage(generation, std::move(page));
    });
}

void ExecutionListModel::onPage(quint64 generation, common::Result<PageResult> page)
{
    if (generation != m_generation)
        return;
    m_loading = false;
    if (!page.ok()) {
        m_hasMore = false;
        emit loadingChanged(false);
        emit pageFailed(page.error());
        return;
    }
    auto& result = page.value();
    m_nextToken = result.nextPageToken;
    m_hasMore = !m_nextToken.empty();
    if (result.totalCount >= 0)
        m_totalCount = result.totalCount;
    std::vector<Row> fresh;
    fresh.reserve(result.items.size());
    for (const auto& execution : result.items) {
        const QString id = QString::fromStdString(execution.id());
        const auto known = m_index.constFind(id);
        if (known != m_index.constEnd()) { // inserted live before its page came
            m_rows[static_cast<std::size_t>(*known)] = toRow(execution);
            continue;
        }
        fresh.push_back(toRow(execution));
    }
    if (!fresh.empty()) {
        const int first = rowCount();
        beginInsertRows({}, first, first + static_cast<int>(fresh.size()) - 1);
        for (auto& row : fresh) {
            m_index.insert(row.id, static_cast<int>(m_rows.size()));
            m_rows.push_back(std::move(row));
        }
        endInsertRows();
    }
    emit loadingChanged(false);
}

void ExecutionListModel::upsert(const fv1::FeatureExecution& execution)
{
    const QString id = QString::fromStdString(execution.id());
    const auto known = m_index.constFind(id);
    if (known != m_index.constEnd()) {
        const int row = *known;
        m_rows[static_cast<std::size_t>(row)] = toRow(execution);
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    beginInsertRows({}, 0, 0);
    m_rows.insert(m_rows.begin(), toRow(execution));
    reindexFrom(0);
    if (m_totalCount >= 0)
        ++m_totalCount;
    endInsertRows();
}

void ExecutionListModel::reindexFrom(int row)
{
    for (std::size_t i = static_cast<std::size_t>(row); i < m_rows.size(); ++i)
        m_index.insert(m_rows[i].id, static_cast<int>(i));
}

QString ExecutionListModel::idAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    return m_rows[static_cast<std::size_t>(row)].id;
}

int ExecutionListModel::rowOf(const QString& id) const
{
    return m_index.value(id, -1);
}

int ExecutionListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ExecutionListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ExecutionListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case IdRole:
        return row.id;
    case StateRole:
        return static_cast<int>(row.state);
    case Qt::ForegroundRole:
        if (index.column() == StateColumn)
            return QBrush(StateText::colour(row.state));
        return {};
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case TitleColumn:
        return row.title;
    case StateColumn:
        return StateText::name(row.state);
    case RepositoryColumn:
        return m_names ? m_names(row.repositoryId)
                       : QString::fromStdString(row.repositoryId.substr(0, 8));
    case ProgressColumn:
        if (row.totalSteps <= 0)
            return QStringLiteral("%1%").arg(qRound(row.percent));
        return QStringLiteral("%1/%2").arg(row.completedSteps).arg(row.totalSteps);
    case CreatedColumn:
        return TimeText::shortLocal(row.createdMs);
    case UpdatedColumn:
        return TimeText::shortLocal(row.updatedMs);
    default:
        return {};
    }
}

QVariant ExecutionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn:
        return tr("Title");
    case StateColumn:
        return tr("State");
    case RepositoryColumn:
        return tr("Repository");
    case ProgressColumn:
        return tr("Progress");
    case CreatedColumn:
        return tr("Created");
    case UpdatedColumn:
        return tr("Updated");
    default:
        return {};
    }
}

} // namespace builder::models
