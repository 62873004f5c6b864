#include "AuditTab.h"

#include "AdminColumns.h"
#include "ErrorText.h"
#include "Icons.h"
#include "client/AdminApi.h"
#include "client/BackendClient.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace builder::views {

namespace av1 = feature::admin::v1;

AuditTab::AuditTab(StudioContext context, QWidget* parent)
    : QWidget(parent), m_context(std::move(context))
{
    setObjectName(QStringLiteral("auditTab"));
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout;
    m_actor = new QLineEdit(this);
    m_actor->setObjectName(QStringLiteral("auditActorFilter"));
    m_actor->setPlaceholderText(tr("Actor"));
    m_actor->setAccessibleName(tr("Filter by actor"));
    m_action = new QLineEdit(this);
    m_action->setObjectName(QStringLiteral("auditActionFilter"));
    m_action->setPlaceholderText(tr("Action"));
    m_action->setAccessibleName(tr("Filter by action"));
    auto* refresh = new QPushButton(Icons::get("refresh"), tr("Refresh"), this);
    refresh->setObjectName(QStringLiteral("refreshAuditButton"));
    bar->addWidget(m_actor);
    bar->addWidget(m_action);
    bar->addWidget(refresh);
    layout->addLayout(bar);
    m_model = new models::MessageTableModel<av1::AuditEntry>(
        {{tr("When"), [](const av1::AuditEntry& e,
                         int role) { return AdminColumns::time(role, e.created_at()); }},
         {tr("Actor"),
          [](const av1::AuditEntry& e, int role) { return AdminColumns::text(role, e.actor()); }},
         {tr("Role"),
          [](const av1::AuditEntry& e, int role) {
              return AdminColumns::text(role, AdminColumns::roleName(e.role()));
          }},
         {tr("Action"),
          [](const av1::AuditEntry& e, int role) { return AdminColumns::text(role, e.action()); }},
         {tr("Target"),
          [](const av1::AuditEntry& e, int role) {
              return AdminColumns::text(role, e.target_type() + " " + e.target_id());
          }},
         {tr("Reason"),
          [](const av1::AuditEntry& e, int role) { return AdminColumns::text(role, e.reason()); }}},
        this);
    auto* view = new QTableView(this);
    view->setObjectName(QStringLiteral("auditTable"));
    view->setAccessibleName(tr("Audit log"));
    view->setModel(m_model);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(view, 1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("auditStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    connect(refresh, &QPushButton::clicked, this, &AuditTab::refresh);
    connect(m_actor, &QLineEdit::returnPressed, this, &AuditTab::refresh);
    connect(m_action, &QLineEdit::returnPressed, this, &AuditTab::refresh);
}

void AuditTab::refresh()
{
    av1::ListAuditRequest request;
    request.set_actor(m_actor->text().trimmed().toStdString());
    request.set_action(m_action->text().trimmed().toStdString());
    request.mutable_pagination()->set_page_size(100);
    m_context.client->admin().listAudit(
        request, this, [this](common::Result<av1::ListAuditResponse> result) {
            if (!result.ok()) {
                m_status->setText(ErrorText::describe(result.error(), "AdminService.ListAudit"));
                return;
            }
            m_model->setItems({result->entries().begin(), result->entries().end()});
            const auto& chain = result->chain();
            QString verdict;
            if (chain.intact())
                verdict = tr("hash chain intact up to %1")
                              .arg(QString::fromStdString(chain.head_hash()).left(12));
            else
                verdict = tr("hash chain BROKEN at entry %1: %2")
                              .arg(chain.first_broken_sequence())
                              .arg(QString::fromStdString(chain.problem()));
            m_status->setStyleSheet(chain.intact() ? QString() : QStringLiteral("color: #c62828;"));
            m_status->setText(tr("%n entries", nullptr, m_model->rowCount()) +
                              QStringLiteral(" — ") + verdict);
        });
}

} // namespace builder::views
