#pragma once

#include "StudioSettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace builder::client {
class TokenVault;
}

namespace builder::views {

// Settings: language, theme, notifications, event transport, and the
// connection (local builderd or a remote one with TLS and a token kept in the keychain).
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(const StudioSettings& settings, QWidget* parent = nullptr);

    StudioSettings settings() const;

signals:
    // Emitted after OK; `token` is empty when the user did not enter one.
    void applied(const builder::views::StudioSettings& settings, const QString& token);

private:
    void accept() override;

    StudioSettings m_initial;
    QComboBox* m_language;
    QComboBox* m_theme;
    QCheckBox* m_notifications;
    QComboBox* m_transport;
    QRadioButton* m_local;
    QRadioButton* m_remote;
    QLineEdit* m_address;
    QCheckBox* m_tls;
    QLineEdit* m_caFile;
    QLineEdit* m_token;
    QCheckBox* m_keepServer;
    QLabel* m_keychain;
    client::TokenVault* m_vault;
};

} // namespace builder::views
