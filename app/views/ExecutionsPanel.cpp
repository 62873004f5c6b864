#include "ExecutionsPanel.h"

#include "ErrorText.h"
#include "Icons.h"
#include "TrayNotifier.h"
#include "cache/OfflineCache.h"
#include "client/BackendClient.h"
#include "client/FeatureApi.h"
#include "models/ExecutionListModel.h"
#include "models/RepositoryListModel.h"
#include "models/StateText.h"
#include "models/TimeText.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace builder::views {

namespace fv1 = feature::feature::v1;
using models::ExecutionListModel;

namespace {

const QDate kAnyDate(2000, 1, 1);

QDateEdit* dateEdit(QWidget* parent, const QString& name, const QString& accessible)
{
    auto* edit = new QDateEdit(parent);
    edit->setObjectName(name);
    edit->setAccessibleName(accessible);
    edit->setCalendarPopup(true);
    edit->setMinimumDate(kAnyDate);
    edit->setSpecialValueText(QObject::tr("any"));
    edit->setDate(kAnyDate);
    return edit;
}

} // namespace

ExecutionsPanel::ExecutionsPanel(StudioContext context, QWidget* parent)
    : QWidget(parent), m_context(std::move(context))
{
    setObjectName(QStringLiteral("executionsPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<h2>Executions</h2>"), this));

    auto* filters = new QHBoxLayout;
    m_state = new QComboBox(this);
    m_state->setObjectName(QStringLiteral("stateFilter"));
    m_state->setAccessibleName(tr("Filter by state"));
    m_state->addItem(tr("All states"), 0);
    for (auto state :
         {fv1::FEATURE_STATE_PENDING, fv1::FEATURE_STATE_ANALYZING, fv1::FEATURE_STATE_PLANNING,
          fv1::FEATURE_STATE_EXECUTING, fv1::FEATURE_STATE_VERIFYING,
          fv1::FEATURE_STATE_AWAITING_REVIEW, fv1::FEATURE_STATE_COMPLETED,
          fv1::FEATURE_STATE_FAILED, fv1::FEATURE_STATE_CANCELLED})
        m_state->addItem(models::StateText::name(state), static_cast<int>(state));
    m_repository = new QComboBox(this);
    m_repository->setObjectName(QStringLiteral("repositoryFilter"));
    m_repository->setAccessibleName(tr("Filter by repository"));
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("executionSearch"));
    m_search->setAccessibleName(tr("Search titles and descriptions"));
    m_search->setPlaceholderText(tr("Search titles and descriptions"));
    m_search->setClearButtonEnabled(true);
    m_after = dateEdit(this, "createdAfterFilter", tr("Created from"));
    m_before = dateEdit(this, "createdBeforeFilter", tr("Created until"));
    filters->addWidget(m_state);
    filters->addWidget(m_repository);
    filters->addWidget(m_search, 1);
    filters->addWidget(new QLabel(tr("from"), this));
    filters->addWidget(m_after);
    filters->addWidget(new QLabel(tr("until"), this));
    filters->addWidget(m_before);
    auto* refresh = new QPushButton(Icons::get("refresh"), tr("Refresh"), this);
    refresh->setObjectName(QStringLiteral("refreshExecutionsButton"));
    filters->addWidget(refresh);
    layout->addLayout(filters);

    m_model = new ExecutionListModel(this);
    m_model->setRepositoryNames(
        [repos = m_context.repositories](const std::string& id) { return repos->nameOf(id); });
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("executionTable"));
    m_table->setAccessibleName(tr("Feature executions"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    // Fixed row heights: the view never measures 100,000 rows.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionResizeMode(ExecutionListModel::TitleColumn,
                                                      QHeaderView::Stretch);
    m_table->setColumnWidth(ExecutionListModel::StateColumn, 130);
    m_table->setColumnWidth(ExecutionListModel::CreatedColumn, 160);
    m_table->setColumnWidth(ExecutionListModel::UpdatedColumn, 160);
    layout->addWidget(m_table, 1);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("executionCount"));
    layout->addWidget(m_count);

    auto fillRepositories = [this] {
        const QString current = m_repository->currentData().toString();
        m_repository->blockSignals(true);
        m_repository->clear();
        m_repository->addItem(tr("All repositories"), QString());
        for (const auto& repo : m_context.repositories->repositories())
            m_repository->addItem(QString::fromStdString(repo.name()),
                                  QString::fromStdString(repo.id()));
        m_repository->setCurrentIndex(std::max(0, m_repository->findData(current)));
        m_repository->blockSignals(false);
        m_table->viewport()->update();
    };
    fillRepositories();
    connect(m_context.repositories, &QAbstractItemModel::modelReset, this, fillRepositories);
    connect(m_context.repositories, &QAbstractItemModel::rowsInserted, this, fillRepositories);

    m_filterTimer.setSingleShot(true);
    m_filterTimer.setInterval(300);
    connect(&m_filterTimer, &QTimer::timeout, this, &ExecutionsPanel::reload);
    auto later = [this] { m_filterTimer.start(); };
    connect(m_state, &QComboBox::currentIndexChanged, this, later);
    connect(m_repository, &QComboBox::currentIndexChanged, this, later);
    connect(m_search, &QLineEdit::textChanged, this, later);
    connect(m_after, &QDateEdit::dateChanged, this, later);
    connect(m_before, &QDateEdit::dateChanged, this, later);
    connect(refresh, &QPushButton::clicked, this, &ExecutionsPanel::reload);
    connect(m_table, &QTableView::activated, this,
            [this](const QModelIndex& index) { emit openExecution(m_model->idAt(index.row())); });
    connect(m_model, &ExecutionListModel::loadingChanged, this, &ExecutionsPanel::updateCount);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ExecutionsPanel::updateCount);
    connect(m_model, &ExecutionListModel::pageFailed, this, [this](const common::Error& error) {
        if (error.code() == common::StatusCode::Unavailable)
            loadOffline();
        else
            m_count->setText(ErrorText::describe(error, "FeatureService.Search"));
    });
    m_liveTimer.setInterval(kLiveRefreshMs);
    connect(&m_liveTimer, &QTimer::timeout, this, &ExecutionsPanel::refreshNewest);
    m_liveTimer.start();
}

fv1::SearchRequest ExecutionsPanel::searchRequest() const
{
    fv1::SearchRequest request;
    request.set_repository_id(m_repository->currentData().toString().toStdString());
    if (const int state = m_state->currentData().toInt(); state != 0)
        request.add_states(static_cast<fv1::FeatureState>(state));
    request.set_query(m_search->text().trimmed().toStdString());
    if (m_after->date() != kAnyDate)
        *request.mutable_created_after() =
            models::TimeText::fromDateTime(m_after->date().startOfDay());
    if (m_before->date() != kAnyDate)
        *request.mutable_created_before() =
            models::TimeText::fromDateTime(m_before->date().endOfDay());
    request.mutable_pagination()->set_page_size(kPageSize);
    return request;
}

void ExecutionsPanel::reload()
{
    m_filterTimer.stop();
    m_showingCache = false;
    const fv1::SearchRequest base = searchRequest();
    auto* client = m_context.client;
    auto* cache = m_context.cache;
    m_model->setFetcher(
        [this, client, cache,
         base](const std::string& token,
               std::function<void(common::Result<ExecutionListModel::PageResult>)> done) {
            fv1::SearchRequest request = base;
            request.mutable_pagination()->set_page_token(token);
            client->features().search(
                request, m_model,
                [cache, done](common::Result<client::Page<fv1::FeatureExecution>> page) {
                    if (!page.ok()) {
                        done(page.error());
                        return;
                    }
                    cache->putExecutions(page->items);
                    done(ExecutionListModel::PageResult{std::move(page->items), page->nextPageToken,
                                                        page->totalCount});
                });
        });
}

void ExecutionsPanel::refreshNewest()
{
    if (m_context.online && !m_context.online())
        return;
    if (m_showingCache) {
        reload();
        return;
    }
    fv1::SearchRequest request = searchRequest();
    request.mutable_pagination()->set_page_size(50);
    m_context.client->features().search(
        request, this, [this](common::Result<client::Page<fv1::FeatureExecution>> page) {
            if (!page.ok())
                return;
            for (const auto& execution : page->items)
                upsert(execution);
        });
}

void ExecutionsPanel::upsert(const fv1::FeatureExecution& execution)
{
    m_model->upsert(execution);
    if (m_context.notifier)
        m_context.notifier->observe(execution);
    m_context.cache->putExecutions({execution});
}

void ExecutionsPanel::loadOffline()
{
    m_showingCache = true;
    auto* cache = m_context.cache;
    m_model->setFetcher(
        [this, cache](const std::string&,
                      std::function<void(common::Result<ExecutionListModel::PageResult>)> done) {
            cache->executions(m_model, [done](std::vector<fv1::FeatureExecution> executions) {
                done(ExecutionListModel::PageResult{std::move(executions), {}, -1});
            });
        });
    m_count->setText(tr("Offline: showing cached executions"));
}

void ExecutionsPanel::updateCount()
{
    if (m_showingCache) {
        m_count->setText(tr("Offline: showing %n cached executions", nullptr, m_model->rowCount()));
        return;
    }
    const int total = m_model->totalCount();
    QString text = total >= 0
                       ? tr("Showing %1 of %2 executions").arg(m_model->rowCount()).arg(total)
                       : tr("Showing %n executions", nullptr, m_model->rowCount());
    if (m_model->isLoading())
        text += tr(" — loading…");
    m_count->setText(text);
}

} // namespace builder::views
