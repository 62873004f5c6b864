#include "StudioLauncher.h"

#include "ConnectingWindow.h"
#include "cache/OfflineCache.h"
#include "client/BackendClient.h"
#include "client/Delivery.h"
#include "client/LocalBackend.h"
#include "client/TokenVault.h"
#include "views/MainWindow.h"
#include "views/SettingsDialog.h"

#include <QApplication>
#include <QEvent>
#include <QFile>
#include <QPointer>
#include <QStatusBar>
#include <QThreadPool>
#include <QTimer>

#include <iostream>

namespace builder::studio {

using client::ConnectionSettings;

namespace {

QByteArray readFile(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    return file.readAll();
}

} // namespace

StudioLauncher::StudioLauncher(StudioOptions options, QElapsedTimer sinceLaunch, QObject* parent)
    : QObject(parent), m_options(std::move(options)), m_sinceLaunch(sinceLaunch),
      m_settings(views::StudioSettings::load()), m_vault(std::make_unique<client::TokenVault>())
{
    m_theme.apply(m_settings.theme);
    m_language.apply(m_options.language.isEmpty() ? m_settings.language : m_options.language);
}

StudioLauncher::~StudioLauncher()
{
    teardown();
}

void StudioLauncher::teardown()
{
    // Widgets first (they hold guards), then the client (joins its threads), the
    // cache (finishes its writes), and last the local builderd we may have started.
    m_window.reset();
    m_client.reset();
    m_cache.reset();
    m_local.reset();
}

void StudioLauncher::start()
{
    teardown();
    if (!m_connecting) {
        m_connecting = std::make_unique<ConnectingWindow>();
        connect(m_connecting.get(), &ConnectingWindow::retryRequested, this,
                &StudioLauncher::start);
        connect(m_connecting.get(), &ConnectingWindow::settingsRequested, this,
                &StudioLauncher::openSettings);
        m_connecting->installEventFilter(this);
    }
    m_connecting->setProgress(tr("Connecting…"));
    m_connecting->show();
    const bool remote = m_options.remote || (!m_options.remote && m_options.tokenFile.isEmpty() &&
                                             m_settings.mode == ConnectionSettings::Mode::Remote);
    if (remote)
        connectRemote();
    else
        connectLocal();
}

void StudioLauncher::connectLocal()
{
    client::LocalBackend::Options options;
    options.dataDir = m_options.dataDir;
    options.startIfMissing = m_options.startLocal;
    m_local = std::make_unique<client::LocalBackend>(options);
    m_local->setKeepServerRunning(m_settings.keepLocalServerRunning);
    connect(m_local.get(), &client::LocalBackend::progress, m_connecting.get(),
            &ConnectingWindow::setProgress);
    connect(m_local.get(), &client::LocalBackend::failed, this, &StudioLauncher::fail);
    connect(m_local.get(), &client::LocalBackend::ready, this,
            [this](const ConnectionSettings& found) {
                ConnectionSettings settings = found;
                settings.eventTransport = m_settings.eventTransport;
                open(settings);
            });
    m_local->resolve();
}

ConnectionSettings StudioLauncher::remoteSettings() const
{
    ConnectionSettings settings;
    settings.mode = ConnectionSettings::Mode::Remote;
    settings.grpcAddress = m_options.remote ? m_options.server : m_settings.remoteAddress;
    settings.tls = m_options.remote ? m_options.tls : m_settings.remoteTls;
    settings.eventTransport = m_settings.eventTransport;
    return settings;
}

void StudioLauncher::connectRemote()
{
    ConnectionSettings settings = remoteSettings();
    if (settings.grpcAddress.isEmpty()) {
        fail(tr("No remote server is configured; open Settings."));
        return;
    }
    const QString caFile = m_options.remote ? m_options.caFile : m_settings.remoteCaFile;
    const QString tokenFile = m_options.tokenFile;
    if (caFile.isEmpty() && tokenFile.isEmpty()) {
        withToken(settings);
        return;
    }
    // The files are read on a worker: the GUI thread never waits on disk.
    QPointer<QObject> self(this);
    QThreadPool::globalInstance()->start([self, settings, caFile, tokenFile]() mutable {
        QString caError;
        QString tokenError;
        if (!caFile.isEmpty())
            settings.caPem = readFile(caFile, &caError);
        if (!tokenFile.isEmpty())
            settings.token = QString::fromUtf8(readFile(tokenFile, &tokenError)).trimmed();
        client::deliver(self, [self, settings, caFile, tokenFile, caError, tokenError] {
            auto* launcher = static_cast<StudioLauncher*>(self.data());
            if (!caFile.isEmpty() && settings.caPem.isEmpty()) {
                launcher->fail(tr("Cannot read the CA file %1: %2").arg(caFile, caError));
                return;
            }
            if (!tokenFile.isEmpty() && settings.token.isEmpty()) {
                launcher->fail(
                    tr("Cannot read a token from %1%2")
                        .arg(tokenFile, tokenError.isEmpty() ? QString() : ": " + tokenError));
                return;
            }
            launcher->withToken(settings);
        });
    });
}

void StudioLauncher::withToken(ConnectionSettings settings)
{
    if (!settings.token.isEmpty()) {
        open(settings);
        return;
    }
    if (!m_sessionToken.isEmpty()) {
        settings.token = m_sessionToken;
        open(settings);
        return;
    }
    m_connecting->setProgress(
        tr("Reading the token for %1 from the keychain…").arg(settings.grpcAddress));
    auto* vault = m_vault.get();
    vault->disconnect(this);
    connect(vault, &client::TokenVault::loaded, this,
            [this, settings](const QString&, const QString& token) mutable {
                if (token.isEmpty()) {
                    fail(tr("No token is stored for %1; enter one in Settings.")
                             .arg(settings.grpcAddress));
                    return;
                }
                settings.token = token;
                open(settings);
            });
    connect(vault, &client::TokenVault::unavailable, this, &StudioLauncher::fail);
    vault->load(settings.serverKey());
}

void StudioLauncher::open(const ConnectionSettings& settings)
{
    m_client = std::make_unique<client::BackendClient>(settings);
    m_cache = std::make_unique<cache::OfflineCache>(
        cache::OfflineCache::defaultPath(settings.serverKey()));
    m_window = std::make_unique<views::MainWindow>(m_client.get(), m_cache.get(), m_settings);
    connect(m_window.get(), &views::MainWindow::settingsApplied, this,
            &StudioLauncher::onSettingsApplied);
    if (m_options.printFirstPaint)
        m_window->installEventFilter(this);
    m_window->show();
    if (m_connecting)
        m_connecting->hide();
    m_window->start();
}

void StudioLauncher::fail(const QString& message)
{
    if (m_connecting) {
        m_connecting->setFailure(message);
        m_connecting->show();
    }
    if (m_options.printFirstPaint) {
        std::cerr << "error: " << message.toStdString() << "\n";
        QApplication::exit(1);
    }
}

void StudioLauncher::openSettings()
{
    auto* dialog = new views::SettingsDialog(m_settings, m_connecting.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &views::SettingsDialog::applied, this, &StudioLauncher::onSettingsApplied);
    dialog->open();
}

void StudioLauncher::onSettingsApplied(const views::StudioSettings& settings, const QString& token)
{
    m_settings = settings;
    m_options.remote = false; // the settings now decide the connection
    m_options.tokenFile.clear();
    m_theme.apply(settings.theme);
    m_language.apply(settings.language);
    if (!token.isEmpty()) {
        m_sessionToken = token;
        if (settings.mode == ConnectionSettings::Mode::Remote) {
            connect(m_vault.get(), &client::TokenVault::unavailable, this,
                    [this](const QString& message) {
                        if (m_window)
                            m_window->statusBar()->showMessage(message, 15000);
                    });
            m_vault->store(remoteSettings().serverKey(), token);
        }
    }
    // Rebuild after the dialog has closed: the window that owns it goes away.
    QTimer::singleShot(0, this, &StudioLauncher::start);
}

bool StudioLauncher::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Paint && watched == m_window.get() && !m_painted) {
        m_painted = true;
        std::cout << "first-paint " << m_sinceLaunch.elapsed() << " ms" << std::endl;
        QTimer::singleShot(0, qApp, &QApplication::quit);
    }
    return QObject::eventFilter(watched, event);
}

} // namespace builder::studio
