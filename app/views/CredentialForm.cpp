#include "CredentialForm.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace builder::views {

namespace rv1 = feature::repository::v1;

namespace {

QLineEdit* secretEdit(QWidget* parent, const QString& name, const QString& accessible)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(name);
    edit->setEchoMode(QLineEdit::Password);
    edit->setAccessibleName(accessible);
    return edit;
}

} // namespace

CredentialForm::CredentialForm(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("credentialTypeCombo"));
    m_type->setAccessibleName(tr("Credential type"));
    m_type->addItem(tr("None (public or local repository)"), rv1::CREDENTIAL_TYPE_UNSPECIFIED);
    m_type->addItem(tr("Access token"), rv1::CREDENTIAL_TYPE_TOKEN);
    m_type->addItem(tr("User and password"), rv1::CREDENTIAL_TYPE_BASIC);
    m_type->addItem(tr("SSH private key"), rv1::CREDENTIAL_TYPE_SSH_KEY);
    m_type->addItem(tr("OAuth token"), rv1::CREDENTIAL_TYPE_OAUTH);
    layout->addWidget(m_type);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(new QWidget(m_pages));
    auto* tokenPage = new QWidget(m_pages);
    auto* tokenForm = new QFormLayout(tokenPage);
    m_token = secretEdit(tokenPage, "credentialTokenEdit", tr("Access token"));
    tokenForm->addRow(tr("Token:"), m_token);
    m_pages->addWidget(tokenPage);
    auto* basicPage = new QWidget(m_pages);
    auto* basicForm = new QFormLayout(basicPage);
    m_user = new QLineEdit(basicPage);
    m_user->setObjectName(QStringLiteral("credentialUserEdit"));
    m_user->setAccessibleName(tr("User name"));
    m_password = secretEdit(basicPage, "credentialPasswordEdit", tr("Password"));
    basicForm->addRow(tr("User:"), m_user);
    basicForm->addRow(tr("Password:"), m_password);
    m_pages->addWidget(basicPage);
    auto* sshPage = new QWidget(m_pages);
    auto* sshForm = new QFormLayout(sshPage);
    m_sshKey = new QPlainTextEdit(sshPage);
    m_sshKey->setObjectName(QStringLiteral("credentialSshKeyEdit"));
    m_sshKey->setAccessibleName(tr("SSH private key"));
    m_sshKey->setPlaceholderText(tr("-----BEGIN OPENSSH PRIVATE KEY-----"));
    m_sshKey->setMaximumHeight(90);
    sshForm->addRow(tr("Private key:"), m_sshKey);
    m_pages->addWidget(sshPage);
    auto* oauthPage = new QWidget(m_pages);
    auto* oauthForm = new QFormLayout(oauthPage);
    m_oauth = secretEdit(oauthPage, "credentialOauthEdit", tr("OAuth token"));
    m_oauthRefresh = secretEdit(oauthPage, "credentialOauthRefreshEdit", tr("OAuth refresh token"));
    oauthForm->addRow(tr("Token:"), m_oauth);
    oauthForm->addRow(tr("Refresh token:"), m_oauthRefresh);
    m_pages->addWidget(oauthPage);
    layout->addWidget(m_pages);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("credentialError"));
    layout->addWidget(m_error);

    connect(m_type, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_pages->setCurrentIndex(index);
        emit changed();
    });
    for (QLineEdit* edit : {m_token, m_user, m_password, m_oauth, m_oauthRefresh})
        connect(edit, &QLineEdit::textChanged, this, &CredentialForm::changed);
    connect(m_sshKey, &QPlainTextEdit::textChanged, this, &CredentialForm::changed);
}

QWidget* CredentialForm::typeField() const
{
    return m_type;
}

bool CredentialForm::hasCredential() const
{
    return m_type->currentData().toInt() != rv1::CREDENTIAL_TYPE_UNSPECIFIED;
}

rv1::Credential CredentialForm::credential() const
{
    rv1::Credential credential;
    const auto type = static_cast<rv1::CredentialType>(m_type->currentData().toInt());
    credential.set_type(type);
    switch (type) {
    case rv1::CREDENTIAL_TYPE_TOKEN:
        credential.set_token(m_token->text().toStdString());
        break;
    case rv1::CREDENTIAL_TYPE_BASIC:
        credential.set_username(m_user->text().toStdString());
        credential.set_password(m_password->text().toStdString());
        break;
    case rv1::CREDENTIAL_TYPE_SSH_KEY:
        credential.set_ssh_private_key(m_sshKey->toPlainText().toStdString());
        break;
    case rv1::CREDENTIAL_TYPE_OAUTH:
        credential.set_oauth_token(m_oauth->text().toStdString());
        credential.set_oauth_refresh_token(m_oauthRefresh->text().toStdString());
        break;
    default:
        break;
    }
    return credential;
}

} // namespace builder::views
