#include "RepositoryDialog.h"

#include "CredentialForm.h"
#include "ErrorText.h"
#include "client/BackendClient.h"
#include "client/RepositoryApi.h"
#include "common/RepositoryValidation.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace builder::views {

namespace rv1 = feature::repository::v1;
using common::RepositoryValidation;

namespace {

QLabel* errorLabel(QWidget* parent, const QString& name)
{
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    return label;
}

} // namespace

RepositoryDialog::RepositoryDialog(Mode mode, StudioContext context, QWidget* parent,
                                   const rv1::Repository& existing)
    : QDialog(parent), m_mode(mode), m_context(std::move(context)), m_existing(existing)
{
    setObjectName(QStringLiteral("repositoryDialog"));
    setWindowTitle(mode == Mode::Register ? tr("Register repository")
                   : mode == Mode::Edit   ? tr("Edit repository")
                                          : tr("Update credentials"));
    setMinimumWidth(520);
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    layout->addLayout(form);

    if (mode != Mode::Credentials) {
        m_name = new QLineEdit(QString::fromStdString(existing.name()), this);
        m_name->setObjectName(QStringLiteral("repoNameEdit"));
        m_name->setAccessibleName(tr("Repository name"));
        m_name->setPlaceholderText(tr("my-service"));
        auto* nameError = errorLabel(this, "repoNameError");
        form->addRow(tr("&Name:"), m_name);
        form->addRow(QString(), nameError);
        m_errors.bind("name", m_name, nameError);
        connect(m_name, &QLineEdit::textChanged, this, &RepositoryDialog::validateLive);
    }
    if (mode == Mode::Register) {
        m_url = new QLineEdit(this);
        m_url->setObjectName(QStringLiteral("repoUrlEdit"));
        m_url->setAccessibleName(tr("Repository URL"));
        m_url->setPlaceholderText(tr("https://git.example.com/team/repo.git or /path/to/repo.git"));
        auto* urlError = errorLabel(this, "repoUrlError");
        form->addRow(tr("&URL:"), m_url);
        form->addRow(QString(), urlError);
        m_errors.bind("url", m_url, urlError);
        connect(m_url, &QLineEdit::textChanged, this, &RepositoryDialog::validateLive);
    }
    if (mode != Mode::Credentials) {
        m_branch = new QLineEdit(QString::fromStdString(existing.default_branch()), this);
        m_branch->setObjectName(QStringLiteral("repoBranchEdit"));
        m_branch->setAccessibleName(tr("Default branch"));
        m_branch->setPlaceholderText(tr("detected from the remote when empty"));
        auto* branchError = errorLabel(this, "repoBranchError");
        form->addRow(tr("Default &branch:"), m_branch);
        form->addRow(QString(), branchError);
        m_errors.bind("default_branch", m_branch, branchError);
        connect(m_branch, &QLineEdit::textChanged, this, &RepositoryDialog::validateLive);
    }
    if (mode != Mode::Edit) {
        m_credential = new CredentialForm(this);
        form->addRow(tr("&Credentials:"), m_credential);
        m_errors.bind("credential", m_credential->typeField(), m_credential->errorLabel());
        connect(m_credential, &CredentialForm::changed, this, &RepositoryDialog::validateLive);
    }
    m_formError = errorLabel(this, "repoFormError");
    m_formError->setWordWrap(true);
    m_formError->setStyleSheet(QStringLiteral("color: #d03b3b;"));
    m_formError->setVisible(false);
    layout->addWidget(m_formError);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setObjectName(QStringLiteral("repoSubmitButton"));
    ok->setText(mode == Mode::Register ? tr("Register") : tr("Save"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RepositoryDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void RepositoryDialog::validateLive()
{
    if (m_name && !m_name->text().isEmpty())
        m_errors.showField("name",
                           RepositoryValidation::validateName(m_name->text().toStdString()));
    if (m_url && !m_url->text().isEmpty())
        m_errors.showField("url", RepositoryValidation::validateUrl(m_url->text().toStdString()));
    if (m_branch)
        m_errors.showField("default_branch", RepositoryValidation::validateDefaultBranch(
                                                 m_branch->text().trimmed().toStdString()));
    if (m_credential) {
        const std::string url = m_url ? m_url->text().toStdString() : m_existing.url();
        m_errors.showField("credential", m_credential->hasCredential()
                                             ? RepositoryValidation::validateCredential(
                                                   m_credential->credential(), url)
                                             : std::vector<common::Violation>{});
    }
}

void RepositoryDialog::submit()
{
    m_formError->setVisible(false);
    auto* api = &m_context.client->repositories();
    auto done = [this](const QString& what) {
        return [this, what](common::Result<rv1::Repository> result) { finish(result, what); };
    };
    std::vector<common::Violation> violations;
    if (m_mode == Mode::Register) {
        rv1::RegisterRequest request;
        request.set_name(m_name->text().trimmed().toStdString());
        request.set_url(m_url->text().trimmed().toStdString());
        request.set_default_branch(m_branch->text().trimmed().toStdString());
        if (m_credential->hasCredential())
            *request.mutable_credential() = m_credential->credential();
        violations = RepositoryValidation::validate(request);
        if (violations.empty()) {
            m_buttons->setEnabled(false);
            api->registerRepository(request, this, done("RepositoryService.Register"));
        }
    } else if (m_mode == Mode::Edit) {
        rv1::UpdateRequest request;
        request.set_id(m_existing.id());
        request.set_name(m_name->text().trimmed().toStdString());
        request.set_default_branch(m_branch->text().trimmed().toStdString());
        violations = RepositoryValidation::validate(request);
        if (violations.empty()) {
            m_buttons->setEnabled(false);
            api->update(request, this, done("RepositoryService.Update"));
        }
    } else {
        rv1::UpdateCredentialsRequest request;
        request.set_id(m_existing.id());
        *request.mutable_credential() = m_credential->credential();
        violations = RepositoryValidation::validate(request, m_existing.url());
        if (violations.empty()) {
            m_buttons->setEnabled(false);
            api->updateCredentials(request, this, done("RepositoryService.UpdateCredentials"));
        }
    }
    const QStringList unclaimed = m_errors.show(violations);
    if (!unclaimed.isEmpty()) {
        m_formError->setText(unclaimed.join('\n'));
        m_formError->setVisible(true);
    }
}

void RepositoryDialog::finish(const common::Result<rv1::Repository>& result, const QString& what)
{
    m_buttons->setEnabled(true);
    if (result.ok()) {
        emit saved(result.value());
        accept();
        return;
    }
    const QStringList unclaimed = m_errors.show(result.error().violations());
    QString text = ErrorText::describe(result.error(), what);
    if (!unclaimed.isEmpty() || result.error().violations().empty()) {
        m_formError->setText(text);
        m_formError->setVisible(true);
    }
}

} // namespace builder::views
