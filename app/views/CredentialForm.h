#pragma once

#include "feature/repository/v1/repository.pb.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QStackedWidget;

namespace builder::views {

// Credential type and secret fields for a repository; write-only (secrets are
// never shown back, the server never returns them).
class CredentialForm : public QWidget
{
    Q_OBJECT
public:
    explicit CredentialForm(QWidget* parent = nullptr);

    // CREDENTIAL_TYPE_UNSPECIFIED when "None" is chosen.
    feature::repository::v1::Credential credential() const;
    bool hasCredential() const;
    QLabel* errorLabel() const { return m_error; }
    QWidget* typeField() const;

signals:
    void changed();

private:
    QComboBox* m_type;
    QStackedWidget* m_pages;
    QLineEdit* m_token;
    QLineEdit* m_user;
    QLineEdit* m_password;
    QPlainTextEdit* m_sshKey;
    QLineEdit* m_oauth;
    QLineEdit* m_oauthRefresh;
    QLabel* m_error;
};

} // namespace builder::views
