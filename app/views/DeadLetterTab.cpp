#include "DeadLetterTab.h"

#include "AdminColumns.h"
#include "ErrorText.h"
#include "Icons.h"
#include "client/AdminApi.h"
#include "client/BackendClient.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace builder::views {

namespace av1 = feature::admin::v1;

DeadLetterTab::DeadLetterTab(StudioContext context, QWidget* parent)
    : QWidget(parent), m_context(std::move(context))
{
    setObjectName(QStringLiteral("deadLetterTab"));
    auto* layout = new QVBoxLayout(this);
    m_model = new models::MessageTableModel<av1::DeadLetter>(
        {{tr("Failed"), [](const av1::DeadLetter& d,
                           int role) { return AdminColumns::time(role, d.failed_at()); }},
         {tr("Kind"),
          [](const av1::DeadLetter& d, int role) { return AdminColumns::text(role, d.kind()); }},
         {tr("Execution"),
          [](const av1::DeadLetter& d, int role) {
              return AdminColumns::text(role, d.feature_execution_id());
          }},
         {tr("Attempts"),
          [](const av1::DeadLetter& d, int role) {
              return role == Qt::DisplayRole ? QVariant(d.attempts()) : QVariant();
          }},
         {tr("Error"),
          [](const av1::DeadLetter& d, int role) {
              return AdminColumns::text(role, d.error_code() + ": " + d.last_error());
          }}},
        this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("deadLetterTable"));
    m_view->setAccessibleName(tr("Dead-letter queue"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_view, 1);
    auto* bar = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("deadLetterStatus"));
    m_status->setWordWrap(true);
    auto* refresh = new QPushButton(Icons::get("refresh"), tr("Refresh"), this);
    refresh->setObjectName(QStringLiteral("refreshDeadLettersButton"));
    auto* requeue = new QPushButton(Icons::get("play"), tr("&Requeue"), this);
    requeue->setObjectName(QStringLiteral("requeueDeadLetterButton"));
    bar->addWidget(m_status, 1);
    bar->addWidget(refresh);
    bar->addWidget(requeue);
    layout->addLayout(bar);
    connect(refresh, &QPushButton::clicked, this, &DeadLetterTab::refresh);
    connect(requeue, &QPushButton::clicked, this, &DeadLetterTab::requeue);
}

void DeadLetterTab::refresh()
{
    av1::ListDeadLettersRequest request;
    request.mutable_pagination()->set_page_size(100);
    m_context.client->admin().listDeadLetters(
        request, this, [this](common::Result<av1::ListDeadLettersResponse> result) {
            if (!result.ok()) {
                m_status->setText(
                    ErrorText::describe(result.error(), "AdminService.ListDeadLetters"));
                return;
            }
            m_model->setItems({result->dead_letters().begin(), result->dead_letters().end()});
            m_status->setText(tr("%n dead letters", nullptr, m_model->rowCount()));
        });
}

void DeadLetterTab::requeue()
{
    const auto rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const std::string id = m_model->item(rows.first().row()).id();
    m_context.client->admin().requeueDeadLetter(id, this, [this](common::Result<std::string> job) {
        if (!job.ok()) {
            m_status->setText(ErrorText::describe(job.error(), "AdminService.RequeueDeadLetter"));
            return;
        }
        m_status->setText(tr("Requeued as job %1").arg(QString::fromStdString(job.value())));
        refresh();
    });
}

} // namespace builder::views
