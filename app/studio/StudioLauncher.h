#pragma once

#include "StudioOptions.h"
#include "client/ConnectionSettings.h"
#include "views/LanguageManager.h"
#include "views/StudioSettings.h"
#include "views/ThemeManager.h"

#include <QElapsedTimer>
#include <QObject>

#include <memory>

namespace builder::client {
class BackendClient;
class LocalBackend;
class TokenVault;
} // namespace builder::client
namespace builder::cache {
class OfflineCache;
}
namespace builder::views {
class MainWindow;
}

namespace builder::studio {

class ConnectingWindow;

// Brings the Studio up: theme and language, then the connection (local
// builderd found or started, or a remote one with its token), then the main
// window; rebuilds everything when the settings change the connection or language.
class StudioLauncher : public QObject
{
    Q_OBJECT
public:
    StudioLauncher(StudioOptions options, QElapsedTimer sinceLaunch, QObject* parent = nullptr);
    ~StudioLauncher() override;

    void start();
    views::MainWindow* window() const { return m_window.get(); }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void connectLocal();
    void connectRemote();
    void withToken(client::ConnectionSettings settings);
    void open(const client::ConnectionSettings& settings);
    void teardown();
    void fail(const QString& message);
    void onSettingsApplied(const views::StudioSettings& settings, const QString& token);
    void openSettings();
    client::ConnectionSettings remoteSettings() const;

    StudioOptions m_options;
    QElapsedTimer m_sinceLaunch;
    views::StudioSettings m_settings;
    views::ThemeManager m_theme;
    views::LanguageManager m_language;
    QString m_sessionToken;
    std::unique_ptr<client::TokenVault> m_vault;
    std::unique_ptr<client::LocalBackend> m_local;
    std::unique_ptr<client::BackendClient> m_client;
    std::unique_ptr<cache::OfflineCache> m_cache;
    std::unique_ptr<views::MainWindow> m_window;
    std::unique_ptr<ConnectingWindow> m_connecting;
    bool m_painted = false;
};

} // namespace builder::studio
