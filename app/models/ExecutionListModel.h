#pragma once

#include "common/Result.h"
#include "feature/feature/v1/feature.pb.h"

#include <QAbstractTableModel>
#include <QHash>

#include <functional>
#include <string>
#include <vector>

namespace builder::models {

// Feature executions, newest first, paged in lazily (canFetchMore/fetchMore):
// a view asks for the next page only when it scrolls near the end, so 100,000
// executions cost what is on screen. Rows are compact copies, not whole messages.
class ExecutionListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        TitleColumn,
        StateColumn,
        RepositoryColumn,
        ProgressColumn,
        CreatedColumn,
        UpdatedColumn,
        ColumnCount
    };
    static constexpr int IdRole = Qt::UserRole + 1;
    static constexpr int StateRole = Qt::UserRole + 2;

    struct PageResult
    {
        std::vector<feature::feature::v1::FeatureExecution> items;
        std::string nextPageToken;
        int totalCount = -1;
    };
    // Fetches the page after `pageToken` ("" = first) and calls back exactly once.
    using PageFetcher = std::function<void(const std::string& pageToken,
                                           std::function<void(common::Result<PageResult>)>)>;
    using NameLookup = std::function<QString(const std::string& repositoryId)>;

    explicit ExecutionListModel(QObject* parent = nullptr);

    // Replaces the source (new filters) and loads its first page.
    void setFetcher(PageFetcher fetcher);
    void setRepositoryNames(NameLookup lookup);
    // A live change: updates the row with that id, or inserts a new one on top.
    void upsert(const feature::feature::v1::FeatureExecution& execution);
    void clear();

    QString idAt(int row) const;
    int rowOf(const QString& id) const;
    bool isLoading() const { return m_loading; }
    int totalCount() const { return m_totalCount; }

    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

signals:
    void loadingChanged(bool loading);
    void pageFailed(const builder::common::Error& error);

private:
    struct Row
    {
        QString id;
        QString title;
        std::string repositoryId;
        feature::feature::v1::FeatureState state;
        float percent = 0;
        int completedSteps = 0;
        int totalSteps = 0;
        qint64 createdMs = 0;
        qint64 updatedMs = 0;
    };
    static Row toRow(const feature::feature::v1::FeatureExecution& execution);
    void onPage(quint64 generation, common::Result<PageResult> page);
    void reindexFrom(int row);

    PageFetcher m_fetcher;
    NameLookup m_names;
    std::vector<Row> m_rows;
    QHash<QString, int> m_index;
    std::string m_nextToken;
    bool m_hasMore = false;
    bool m_loading = false;
    int m_totalCount = -1;
    quint64 m_generation = 0;
};

} // namespace builder::models
