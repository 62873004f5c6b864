#include "SettingsDialog.h"

#include "LanguageManager.h"
#include "client/TokenVault.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace builder::views {

using client::ConnectionSettings;

SettingsDialog::SettingsDialog(const StudioSettings& settings, QWidget* parent)
    : QDialog(parent), m_initial(settings)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    setMinimumWidth(520);
    auto* layout = new QVBoxLayout(this);
    auto* tabs = new QTabWidget(this);
    layout->addWidget(tabs);

    auto* general = new QWidget(tabs);
    auto* generalForm = new QFormLayout(general);
    m_language = new QComboBox(general);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(tr("System language"), QString());
    for (const QString& code : LanguageManager::available())
        m_language->addItem(LanguageManager::nativeName(code), code);
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings.language)));
    m_theme = new QComboBox(general);
    m_theme->setObjectName(QStringLiteral("themeCombo"));
    m_theme->setAccessibleName(tr("Theme"));
    m_theme->addItem(tr("Follow the system"), static_cast<int>(StudioSettings::Theme::System));
    m_theme->addItem(tr("Light"), static_cast<int>(StudioSettings::Theme::Light));
    m_theme->addItem(tr("Dark"), static_cast<int>(StudioSettings::Theme::Dark));
    m_theme->setCurrentIndex(m_theme->findData(static_cast<int>(settings.theme)));
    m_notifications =
        new QCheckBox(tr("Notify when a feature completes, fails or awaits review"), general);
    m_notifications->setObjectName(QStringLiteral("notificationsCheck"));
    m_notifications->setChecked(settings.notifications);
    generalForm->addRow(tr("&Language:"), m_language);
    generalForm->addRow(tr("&Theme:"), m_theme);
    generalForm->addRow(QString(), m_notifications);
    tabs->addTab(general, tr("General"));

    auto* connection = new QWidget(tabs);
    auto* connectionLayout = new QVBoxLayout(connection);
    m_local = new QRadioButton(tr("&Local builderd (found or started automatically)"), connection);
    m_local->setObjectName(QStringLiteral("localModeRadio"));
    m_keepServer = new QCheckBox(tr("Keep the local builderd running after quitting"), connection);
    m_keepServer->setObjectName(QStringLiteral("keepServerCheck"));
    m_keepServer->setChecked(settings.keepLocalServerRunning);
    m_remote = new QRadioButton(tr("&Remote builderd"), connection);
    m_remote->setObjectName(QStringLiteral("remoteModeRadio"));
    auto* remoteBox = new QGroupBox(connection);
    auto* remoteForm = new QFormLayout(remoteBox);
    m_address = new QLineEdit(settings.remoteAddress, remoteBox);
    m_address->setObjectName(QStringLiteral("remoteAddressEdit"));
    m_address->setAccessibleName(tr("Server address"));
    m_address->setPlaceholderText(tr("builder.example.com:7700"));
    m_tls = new QCheckBox(tr("Use TLS"), remoteBox);
    m_tls->setObjectName(QStringLiteral("remoteTlsCheck"));
    m_tls->setChecked(settings.remoteTls);
    m_caFile = new QLineEdit(settings.remoteCaFile, remoteBox);
    m_caFile->setObjectName(QStringLiteral("remoteCaFileEdit"));
    m_caFile->setAccessibleName(tr("CA certificate file"));
    m_caFile->setPlaceholderText(tr("system roots when empty"));
    m_token = new QLineEdit(remoteBox);
    m_token->setObjectName(QStringLiteral("remoteTokenEdit"));
    m_token->setAccessibleName(tr("Token"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("unchanged (kept in the system keychain)"));
    m_keychain = new QLabel(remoteBox);
    m_keychain->setObjectName(QStringLiteral("keychainStatus"));
    m_keychain->setWordWrap(true);
    remoteForm->addRow(tr("&Address:"), m_address);
    remoteForm->addRow(QString(), m_tls);
    remoteForm->addRow(tr("CA &file:"), m_caFile);
    remoteForm->addRow(tr("T&oken:"), m_token);
    remoteForm->addRow(QString(), m_keychain);
    connectionLayout->addWidget(m_local);
    connectionLayout->addWidget(m_keepServer);
    connectionLayout->addWidget(m_remote);
    connectionLayout->addWidget(remoteBox);
    connectionLayout->addStretch(1);
    (settings.mode == ConnectionSettings::Mode::Remote ? m_remote : m_local)->setChecked(true);
    remoteBox->setEnabled(m_remote->isChecked());
    connect(m_remote, &QRadioButton::toggled, remoteBox, &QWidget::setEnabled);
    tabs->addTab(connection, tr("Connection"));

    auto* events = new QWidget(tabs);
    auto* eventsForm = new QFormLayout(events);
    m_transport = new QComboBox(events);
    m_transport->setObjectName(QStringLiteral("eventTransportCombo"));
    m_transport->setAccessibleName(tr("Live event transport"));
    m_transport->addItem(tr("Automatic (gRPC, WebSocket when gRPC streaming fails)"),
                         static_cast<int>(ConnectionSettings::EventTransport::Automatic));
    m_transport->addItem(tr("gRPC stream"),
                         static_cast<int>(ConnectionSettings::EventTransport::Grpc));
    m_transport->addItem(tr("WebSocket feed"),
                         static_cast<int>(ConnectionSettings::EventTransport::WebSocket));
    m_transport->setCurrentIndex(m_transport->findData(static_cast<int>(settings.eventTransport)));
    eventsForm->addRow(tr("Live &events:"), m_transport);
    tabs->addTab(events, tr("Events"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("settingsOkButton"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_vault = new client::TokenVault(this);
    connect(m_vault, &client::TokenVault::unavailable, m_keychain, &QLabel::setText);
    connect(m_vault, &client::TokenVault::loaded, this,
            [this](const QString&, const QString& token) {
                m_keychain->setText(token.isEmpty() ? tr("No token stored for this server.")
                                                    : tr("A token is stored in the keychain."));
            });
    if (!settings.remoteAddress.isEmpty()) {
        ConnectionSettings probe;
        probe.mode = ConnectionSettings::Mode::Remote;
        probe.grpcAddress = settings.remoteAddress;
        probe.tls = settings.remoteTls;
        m_vault->load(probe.serverKey());
    }
}

StudioSettings SettingsDialog::settings() const
{
    StudioSettings s = m_initial;
    s.language = m_language->currentData().toString();
    s.theme = static_cast<StudioSettings::Theme>(m_theme->currentData().toInt());
    s.notifications = m_notifications->isChecked();
    s.eventTransport =
        static_cast<ConnectionSettings::EventTransport>(m_transport->currentData().toInt());
    s.mode =
        m_remote->isChecked() ? ConnectionSettings::Mode::Remote : ConnectionSettings::Mode::Local;
    s.remoteAddress = m_address->text().trimmed();
    s.remoteTls = m_tls->isChecked();
    s.remoteCaFile = m_caFile->text().trimmed();
    s.keepLocalServerRunning = m_keepServer->isChecked();
    return s;
}

void SettingsDialog::accept()
{
    const StudioSettings chosen = settings();
    if (chosen.mode == ConnectionSettings::Mode::Remote && chosen.remoteAddress.isEmpty()) {
        m_keychain->setText(tr("Enter the server address (HOST:PORT)."));
        m_address->setFocus();
        return;
    }
    chosen.save();
    emit applied(chosen, m_token->text().trimmed());
    QDialog::accept();
}

} // namespace builder::views
