#pragma once

#include "StudioContext.h"
#include "feature/feature/v1/feature.pb.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QTableView;

namespace builder::models {
class ExecutionListModel;
}

namespace builder::views {

// Executions: filters (state, repository, text, date range) over a lazily
// paged list that scales to 100,000 rows; the newest page is re-read every few
// seconds so states change live. Offline, the cached executions are shown.
class ExecutionsPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kPageSize = 100;
    static constexpr int kLiveRefreshMs = 4000;

    explicit ExecutionsPanel(StudioContext context, QWidget* parent = nullptr);

    models::ExecutionListModel* model() const { return m_model; }
    feature::feature::v1::SearchRequest searchRequest() const;
    // Applies filters now (instead of after the typing pause).
    void reload();
    // A live update from elsewhere (an open execution, a submit).
    void upsert(const feature::feature::v1::FeatureExecution& execution);

signals:
    void openExecution(const QString& executionId);

private:
    void refreshNewest();
    void loadOffline();
    void updateCount();

    StudioContext m_context;
    models::ExecutionListModel* m_model;
    QComboBox* m_state;
    QComboBox* m_repository;
    QLineEdit* m_search;
    QDateEdit* m_after;
    QDateEdit* m_before;
    QTableView* m_table;
    QLabel* m_count;
    QTimer m_filterTimer;
    QTimer m_liveTimer;
    bool m_showingCache = false;
};

} // namespace builder::views
