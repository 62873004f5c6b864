#include "TokensTab.h"

#include "AdminColumns.h"
#include "Confirmation.h"
#include "ErrorText.h"
#include "Icons.h"
#include "client/AdminApi.h"
#include "client/BackendClient.h"
#include "common/AdminValidation.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace builder::views {

namespace av1 = feature::admin::v1;

TokensTab::TokensTab(StudioContext context, QWidget* parent)
    : QWidget(parent), m_context(std::move(context))
{
    setObjectName(QStringLiteral("tokensTab"));
    auto* layout = new QVBoxLayout(this);
    m_model = new models::MessageTableModel<av1::TokenInfo>(
        {{tr("User"),
          [](const av1::TokenInfo& t, int role) { return AdminColumns::text(role, t.user()); }},
         {tr("Role"),
          [](const av1::TokenInfo& t, int role) {
              return AdminColumns::text(role, AdminColumns::roleName(t.role()));
          }},
         {tr("Description"), [](const av1::TokenInfo& t,
                                int role) { return AdminColumns::text(role, t.description()); }},
         {tr("Expires"), [](const av1::TokenInfo& t,
                            int role) { return AdminColumns::time(role, t.expires_at()); }},
         {tr("Revoked"),
          [](const av1::TokenInfo& t, int role) {
              return AdminColumns::text(role, t.revoked() ? tr("yes") : QString());
          }},
         {tr("Created by"), [](const av1::TokenInfo& t,
                               int role) { return AdminColumns::text(role, t.created_by()); }}},
        this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("tokenTable"));
    m_view->setAccessibleName(tr("API tokens"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_view, 1);
    auto* listBar = new QHBoxLayout;
    m_showRevoked = new QCheckBox(tr("Show revoked"), this);
    m_showRevoked->setObjectName(QStringLiteral("showRevokedTokens"));
    auto* revoke = new QPushButton(Icons::get("delete"), tr("Re&voke"), this);
    revoke->setObjectName(QStringLiteral("revokeTokenButton"));
    listBar->addWidget(m_showRevoked);
    listBar->addStretch(1);
    listBar->addWidget(revoke);
    layout->addLayout(listBar);

    auto* createBox = new QGroupBox(tr("New token"), this);
    auto* form = new QFormLayout(createBox);
    m_user = new QLineEdit(createBox);
    m_user->setObjectName(QStringLiteral("tokenUserEdit"));
    m_user->setAccessibleName(tr("User"));
    m_role = new QComboBox(createBox);
    m_role->setObjectName(QStringLiteral("tokenRoleCombo"));
    m_role->setAccessibleName(tr("Role"));
    m_role->addItem(tr("engineer"), av1::ROLE_ENGINEER);
    m_role->addItem(tr("reviewer"), av1::ROLE_REVIEWER);
    m_role->addItem(tr("admin"), av1::ROLE_ADMIN);
    m_days = new QSpinBox(createBox);
    m_days->setObjectName(QStringLiteral("tokenDaysSpin"));
    m_days->setAccessibleName(tr("Lifetime in days"));
    m_days->setRange(1, 365);
    m_days->setValue(30);
    m_days->setSuffix(tr(" days"));
    m_description = new QLineEdit(createBox);
    m_description->setObjectName(QStringLiteral("tokenDescriptionEdit"));
    m_description->setAccessibleName(tr("Description"));
    auto* create = new QPushButton(Icons::get("add"), tr("&Create token"), createBox);
    create->setObjectName(QStringLiteral("createTokenButton"));
    m_newToken = new QLineEdit(createBox);
    m_newToken->setObjectName(QStringLiteral("newTokenField"));
    m_newToken->setAccessibleName(tr("New token, shown once"));
    m_newToken->setReadOnly(true);
    m_newToken->setPlaceholderText(tr("The new token appears here once; copy it now"));
    form->addRow(tr("User:"), m_user);
    form->addRow(tr("Role:"), m_role);
    form->addRow(tr("Lifetime:"), m_days);
    form->addRow(tr("Description:"), m_description);
    form->addRow(QString(), create);
    form->addRow(tr("Token:"), m_newToken);
    layout->addWidget(createBox);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("tokenStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    connect(m_showRevoked, &QCheckBox::toggled, this, &TokensTab::refresh);
    connect(create, &QPushButton::clicked, this, &TokensTab::create);
    connect(revoke, &QPushButton::clicked, this, &TokensTab::revoke);
}

void TokensTab::refresh()
{
    m_context.client->admin().listTokens(
        m_showRevoked->isChecked(), this,
        [this](common::Result<std::vector<av1::TokenInfo>> tokens) {
            if (!tokens.ok()) {
                m_status->setText(ErrorText::describe(tokens.error(), "AdminService.ListTokens"));
                return;
            }
            m_model->setItems(std::move(tokens.value()));
        });
}

void TokensTab::create()
{
    av1::CreateTokenRequest request;
    request.set_user(m_user->text().trimmed().toStdString());
    request.set_role(static_cast<av1::Role>(m_role->currentData().toInt()));
    request.mutable_ttl()->set_seconds(static_cast<std::int64_t>(m_days->value()) * 86400);
    request.set_description(m_description->text().trimmed().toStdString());
    const auto violations = common::AdminValidation::validate(request);
    if (!violations.empty()) {
        QStringList lines;
        for (const auto& v : violations)
            lines << QString::fromStdString(v.fieldPath + ": " + v.message);
        m_status->setText(lines.join('\n'));
        return;
    }
    m_context.client->admin().createToken(
        request, this, [this](common::Result<av1::CreateTokenResponse> result) {
            if (!result.ok()) {
                m_status->setText(ErrorText::describe(result.error(), "AdminService.CreateToken"));
                return;
            }
            m_newToken->setText(QString::fromStdString(result->token()));
            m_newToken->selectAll();
            m_status->setText(tr("Token for %1 created; it is shown only now.")
                                  .arg(QString::fromStdString(result->info().user())));
            refresh();
        });
}

void TokensTab::revoke()
{
    const auto rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const av1::TokenInfo token = m_model->item(rows.first().row());
    Confirmation::ask(this, QStringLiteral("revokeTokenConfirm"), tr("Revoke token"),
                      tr("Revoke the token of %1? It stops working at once.")
                          .arg(QString::fromStdString(token.user())),
                      tr("Revoke"), [this, id = token.id()] {
                          m_context.client->admin().revokeToken(
                              id, this, [this](common::Result<av1::TokenInfo> result) {
                                  if (!result.ok()) {
                                      m_status->setText(ErrorText::describe(
                                          result.error(), "AdminService.RevokeToken"));
                                      return;
                                  }
                                  m_status->setText(tr("Revoked"));
                                  refresh();
                              });
                      });
}

} // namespace builder::views
