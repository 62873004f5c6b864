#include "KillSwitchTab.h"

#include "AdminColumns.h"
#include "Confirmation.h"
#include "ErrorText.h"
#include "Icons.h"
#include "client/AdminApi.h"
#include "client/BackendClient.h"
#include "models/RepositoryListModel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace builder::views {

namespace av1 = feature::admin::v1;

namespace {

QTableView* table(QWidget* parent, const QString& name, const QString& accessible,
                  QAbstractItemModel* model)
{
    auto* view = new QTableView(parent);
    view->setObjectName(name);
    view->setAccessibleName(accessible);
    view->setModel(model);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    return view;
}

} // namespace

KillSwitchTab::KillSwitchTab(StudioContext context, QWidget* parent)
    : QWidget(parent), m_context(std::move(context))
{
    setObjectName(QStringLiteral("killSwitchTab"));
    auto* layout = new QVBoxLayout(this);
    auto* globalBox = new QGroupBox(tr("Global kill switch"), this);
    auto* globalLayout = new QHBoxLayout(globalBox);
    m_globalState = new QLabel(tr("State unknown"), globalBox);
    m_globalState->setObjectName(QStringLiteral("globalKillSwitchState"));
    m_globalState->setAccessibleName(tr("Global kill switch state"));
    m_globalButton = new QPushButton(Icons::get("stop"), tr("Engage"), globalBox);
    m_globalButton->setObjectName(QStringLiteral("globalKillSwitchButton"));
    globalLayout->addWidget(m_globalState, 1);
    globalLayout->addWidget(m_globalButton);
    layout->addWidget(globalBox);

    auto* repoBox = new QGroupBox(tr("Per repository"), this);
    auto* repoLayout = new QHBoxLayout(repoBox);
    m_repository = new QComboBox(repoBox);
    m_repository->setObjectName(QStringLiteral("killSwitchRepositoryCombo"));
    m_repository->setAccessibleName(tr("Repository"));
    m_repository->setModel(m_context.repositories);
    m_repository->setModelColumn(models::RepositoryListModel::NameColumn);
    m_repositoryEngage = new QPushButton(tr("Engage for repository"), repoBox);
    m_repositoryEngage->setObjectName(QStringLiteral("repositoryKillSwitchEngage"));
    m_repositoryRelease = new QPushButton(tr("Release for repository"), repoBox);
    m_repositoryRelease->setObjectName(QStringLiteral("repositoryKillSwitchRelease"));
    repoLayout->addWidget(m_repository, 1);
    repoLayout->addWidget(m_repositoryEngage);
    repoLayout->addWidget(m_repositoryRelease);
    layout->addWidget(repoBox);

    auto* reasonRow = new QFormLayout;
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("killSwitchReasonEdit"));
    m_reason->setAccessibleName(tr("Reason for the change"));
    m_reason->setPlaceholderText(tr("Why (required, kept in the audit log)"));
    reasonRow->addRow(tr("&Reason:"), m_reason);
    layout->addLayout(reasonRow);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("killSwitchError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #d03b3b;"));
    layout->addWidget(m_error);

    m_states = new models::MessageTableModel<av1::KillSwitchState>(
        {{tr("Repository"),
          [repos = m_context.repositories](const av1::KillSwitchState& s, int role) {
              return AdminColumns::text(role, repos->nameOf(s.repository_id()));
          }},
         {tr("Engaged"),
          [](const av1::KillSwitchState& s, int role) {
              return AdminColumns::text(role, s.engaged() ? tr("yes") : tr("no"));
          }},
         {tr("Reason"), [](const av1::KillSwitchState& s,
                           int role) { return AdminColumns::text(role, s.reason()); }},
         {tr("Changed by"),
          [](const av1::KillSwitchState& s, int role) {
              return AdminColumns::text(
                  role, s.automatic() ? tr("rule") : QString::fromStdString(s.changed_by()));
          }},
         {tr("Changed"), [](const av1::KillSwitchState& s,
                            int role) { return AdminColumns::time(role, s.changed_at()); }}},
        this);
    layout->addWidget(new QLabel(tr("Repositories with a kill switch:"), this));
    layout->addWidget(
        table(this, "repositoryKillSwitchTable", tr("Repository kill switches"), m_states), 1);
    m_history = new models::MessageTableModel<av1::AuditEntry>(
        {{tr("When"), [](const av1::AuditEntry& e,
                         int role) { return AdminColumns::time(role, e.created_at()); }},
         {tr("Who"),
          [](const av1::AuditEntry& e, int role) { return AdminColumns::text(role, e.actor()); }},
         {tr("Action"),
          [](const av1::AuditEntry& e, int role) { return AdminColumns::text(role, e.action()); }},
         {tr("Reason"),
          [](const av1::AuditEntry& e, int role) { return AdminColumns::text(role, e.reason()); }}},
        this);
    layout->addWidget(new QLabel(tr("History:"), this));
    layout->addWidget(table(this, "killSwitchHistory", tr("Kill switch history"), m_history), 1);

    connect(m_globalButton, &QPushButton::clicked, this,
            [this] { toggle(av1::KILL_SWITCH_SCOPE_GLOBAL, {}, !m_global.engaged()); });
    connect(m_repositoryEngage, &QPushButton::clicked, this, [this] {
        toggle(
            av1::KILL_SWITCH_SCOPE_REPOSITORY,
            m_repository->currentData(models::RepositoryListModel::IdRole).toString().toStdString(),
            true);
    });
    connect(m_repositoryRelease, &QPushButton::clicked, this, [this] {
        toggle(
            av1::KILL_SWITCH_SCOPE_REPOSITORY,
            m_repository->currentData(models::RepositoryListModel::IdRole).toString().toStdString(),
            false);
    });
}

void KillSwitchTab::refresh()
{
    m_context.client->admin().getKillSwitch(
        this, [this](common::Result<av1::GetKillSwitchResponse> result) {
            if (!result.ok()) {
                setError(ErrorText::describe(result.error(), "AdminService.GetKillSwitch"));
                m_globalState->setText(tr("State unknown"));
                return;
            }
            m_error->clear();
            m_global = result->global();
            showGlobal();
            m_states->setItems({result->repositories().begin(), result->repositories().end()});
        });
    av1::ListAuditRequest audit;
    audit.mutable_pagination()->set_page_size(100);
    m_context.client->admin().listAudit(
        audit, this, [this](common::Result<av1::ListAuditResponse> result) {
            if (!result.ok())
                return; // the audit tab reports its own errors
            std::vector<av1::AuditEntry> history;
            for (const auto& entry : result->entries())
                if (QString::fromStdString(entry.action()).contains("kill", Qt::CaseInsensitive) ||
                    QString::fromStdString(entry.target_type())
                        .contains("kill", Qt::CaseInsensitive))
                    history.push_back(entry);
            m_history->setItems(std::move(history));
        });
}

void KillSwitchTab::showGlobal()
{
    if (m_global.engaged()) {
        m_globalState->setText(tr("ENGAGED by %1: %2")
                                   .arg(QString::fromStdString(m_global.changed_by()),
                                        QString::fromStdString(m_global.reason())));
        m_globalState->setStyleSheet(QStringLiteral("color: #d03b3b; font-weight: bold;"));
        m_globalButton->setText(tr("Release"));
    } else {
        m_globalState->setText(tr("Released: executions run normally"));
        m_globalState->setStyleSheet(QStringLiteral("color: #2e9e4f; font-weight: bold;"));
        m_globalButton->setText(tr("Engage"));
    }
}

void KillSwitchTab::toggle(av1::KillSwitchScope scope, const std::string& repositoryId, bool engage)
{
    const QString reason = m_reason->text().trimmed();
    if (reason.isEmpty()) {
        setError(tr("A reason is required for the audit log."));
        m_reason->setFocus();
        return;
    }
    if (scope == av1::KILL_SWITCH_SCOPE_REPOSITORY && repositoryId.empty()) {
        setError(tr("Choose a repository."));
        return;
    }
    const QString target = scope == av1::KILL_SWITCH_SCOPE_GLOBAL
                               ? tr("all executions")
                               : tr("executions of %1").arg(m_repository->currentText());
    const QString question =
        engage ? tr("Engage the kill switch for %1? Running work stops.").arg(target)
               : tr("Release the kill switch for %1?").arg(target);
    Confirmation::ask(
        this, QStringLiteral("killSwitchConfirm"), tr("Kill switch"), question,
        engage ? tr("Engage") : tr("Release"), [this, scope, repositoryId, engage, reason] {
            av1::SetKillSwitchRequest request;
            request.set_scope(scope);
            request.set_repository_id(repositoryId);
            request.set_engaged(engage);
            request.set_reason(reason.toStdString());
            m_context.client->admin().setKillSwitch(
                request, this, [this](common::Result<av1::KillSwitchState> state) {
                    if (!state.ok()) {
                        setError(ErrorText::describe(state.error(), "AdminService.SetKillSwitch"));
                        return;
                    }
                    m_error->clear();
                    if (state->scope() == av1::KILL_SWITCH_SCOPE_GLOBAL) {
                        m_global = state.value();
                        showGlobal();
                    }
                    refresh();
                });
        });
}

void KillSwitchTab::setError(const QString& text)
{
    m_error->setText(text);
    if (m_context.report)
        m_context.report(text);
}

} // namespace builder::views
