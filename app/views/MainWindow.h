#pragma once

#include "StudioContext.h"
#include "StudioSettings.h"
#include "client/BackendClient.h"

#include <QMainWindow>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace builder::views {

class AdminPanel;
class DiffReviewPanel;
class ExecutionPanel;
class ExecutionsPanel;
class NewFeaturePanel;
class OfflineBanner;
class RepositoriesPanel;

// The Studio's window: navigation on the left (Repositories, New feature,
// Executions, and Admin for admins), the screens, the offline banner, the
// activity log and the connection in the status bar.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum Page
    {
        RepositoriesPage,
        NewFeaturePage,
        ExecutionsPage,
        AdminPage,
        ExecutionPage,
        DiffPage
    };

    MainWindow(client::BackendClient* client, cache::OfflineCache* cache, StudioSettings settings,
               QWidget* parent = nullptr);
    ~MainWindow() override;

    // Loads the first data (repositories, executions, draft).
    void start();
    void showPage(Page page);
    Page currentPage() const;
    void openExecution(const QString& executionId);
    void openDiff(const QString& executionId);

    RepositoriesPanel* repositoriesPanel() const { return m_repositories; }
    NewFeaturePanel* newFeaturePanel() const { return m_newFeature; }
    ExecutionsPanel* executionsPanel() const { return m_executions; }
    ExecutionPanel* executionPanel() const { return m_execution; }
    DiffReviewPanel* diffPanel() const { return m_diff; }
    AdminPanel* adminPanel() const { return m_admin; }
    bool isOffline() const;

protected:
    void changeEvent(QEvent* event) override;

signals:
    void settingsApplied(const builder::views::StudioSettings& settings, const QString& token);

private:
    void buildMenus();
    void styleNavigation();
    void onReachability(client::BackendClient::Reachability reachability);
    void report(const QString& message);
    void openSettings();
    void showShortcuts();
    void refreshCurrent();

    client::BackendClient* m_client;
    StudioSettings m_settings;
    StudioContext m_context;
    QListWidget* m_nav;
    QStackedWidget* m_stack;
    OfflineBanner* m_banner;
    QLabel* m_connection;
    QLabel* m_identity;
    QListWidget* m_activity;
    RepositoriesPanel* m_repositories;
    NewFeaturePanel* m_newFeature;
    ExecutionsPanel* m_executions;
    ExecutionPanel* m_execution;
    DiffReviewPanel* m_diff;
    AdminPanel* m_admin = nullptr;
    QWidget* m_adminStandIn = nullptr;
    bool m_adminLoaded = false;
    bool m_styling = false;
};

} // namespace builder::views
