#include "MainWindow.h"

#include "AdminPanel.h"
#include "DiffReviewPanel.h"
#include "ExecutionPanel.h"
#include "ExecutionsPanel.h"
#include "Icons.h"
#include "NewFeaturePanel.h"
#include "OfflineBanner.h"
#include "RepositoriesPanel.h"
#include "SettingsDialog.h"
#include "TrayNotifier.h"
#include "models/RepositoryListModel.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QEvent>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTime>
#include <QVBoxLayout>

namespace builder::views {

using client::BackendClient;

MainWindow::MainWindow(BackendClient* client, cache::OfflineCache* cache, StudioSettings settings,
                       QWidget* parent)
    : QMainWindow(parent), m_client(client), m_settings(std::move(settings))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Builder Studio"));
    setWindowIcon(Icons::get("builder"));
    resize(1280, 820);

    auto* repositories = new models::RepositoryListModel(this);
    auto* notifier = new TrayNotifier(this);
    notifier->setEnabled(m_settings.notifications);
    m_context.client = client;
    m_context.cache = cache;
    m_context.repositories = repositories;
    m_context.notifier = notifier;
    m_context.report = [this](const QString& message) { report(message); };
    m_context.online = [this] { return !isOffline(); };

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_banner = new OfflineBanner(central);
    m_banner->setServer(client->settings().grpcAddress);
    m_banner->setVisible(false);
    layout->addWidget(m_banner);
    auto* splitter = new QSplitter(Qt::Horizontal, central);
    m_nav = new QListWidget(splitter);
    m_nav->setObjectName(QStringLiteral("navigation"));
    m_nav->setAccessibleName(tr("Screens"));
    m_nav->setIconSize(QSize(22, 22));
    m_nav->setMaximumWidth(220);
    m_nav->setSpacing(2);
    styleNavigation();
    m_stack = new QStackedWidget(splitter);
    m_stack->setObjectName(QStringLiteral("screens"));
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setCollapsible(0, false);
    splitter->setSizes({200, 1080});
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    m_repositories = new RepositoriesPanel(m_context, m_stack);
    m_newFeature = new NewFeaturePanel(m_context, m_stack);
    m_executions = new ExecutionsPanel(m_context, m_stack);
    if (client->identity().isAdmin()) {
        m_admin = new AdminPanel(m_context, m_stack);
    } else {
        m_adminStandIn = new QWidget(m_stack); // keeps page numbers; never reachable
    }
    m_execution = new ExecutionPanel(m_context, m_stack);
    m_diff = new DiffReviewPanel(m_context, m_stack);
    m_stack->addWidget(m_repositories);
    m_stack->addWidget(m_newFeature);
    m_stack->addWidget(m_executions);
    m_stack->addWidget(m_admin ? static_cast<QWidget*>(m_admin) : m_adminStandIn);
    m_stack->addWidget(m_execution);
    m_stack->addWidget(m_diff);

    const struct
    {
        QString text;
        QString icon;
        Page page;
    } items[] = {{tr("Repositories"), "repository", RepositoriesPage},
                 {tr("New feature"), "add", NewFeaturePage},
                 {tr("Executions"), "executions", ExecutionsPage},
                 {tr("Admin"), "admin", AdminPage}};
    for (const auto& item : items) {
        if (item.page == AdminPage && !m_admin)
            continue;
        auto* entry = new QListWidgetItem(Icons::get(item.icon), item.text, m_nav);
        entry->setData(Qt::UserRole, static_cast<int>(item.page));
        entry->setData(Qt::AccessibleTextRole, item.text);
    }
    connect(m_nav, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (!item)
            return;
        const int page = item->data(Qt::UserRole).toInt();
        m_stack->setCurrentIndex(page);
        // The admin lists load when first looked at, not at every start.
        if (page == AdminPage && m_admin && !m_adminLoaded) {
            m_adminLoaded = true;
            m_admin->refresh();
        }
    });

    auto* dock = new QDockWidget(tr("Activity"), this);
    dock->setObjectName(QStringLiteral("activityDock"));
    m_activity = new QListWidget(dock);
    m_activity->setObjectName(QStringLiteral("activityLog"));
    m_activity->setAccessibleName(tr("Activity log"));
    m_activity->setWordWrap(true);
    dock->setWidget(m_activity);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    dock->setVisible(false);

    m_connection = new QLabel(this);
    m_connection->setObjectName(QStringLiteral("connectionStatus"));
    m_identity = new QLabel(this);
    m_identity->setObjectName(QStringLiteral("identityLabel"));
    const auto& identity = client->identity();
    m_identity->setText(
        tr("%1 (%2)").arg(identity.user().isEmpty() ? tr("unknown user") : identity.user(),
                          client::Identity::roleName(identity.role())));
    statusBar()->addWidget(m_connection, 1);
    statusBar()->addPermanentWidget(m_identity);
    buildMenus();

    connect(client, &BackendClient::reachabilityChanged, this, &MainWindow::onReachability);
    connect(m_banner, &OfflineBanner::retryRequested, this, &MainWindow::refreshCurrent);
    connect(m_executions, &ExecutionsPanel::openExecution, this, &MainWindow::openExecution);
    connect(m_newFeature, &NewFeaturePanel::submitted, this,
            [this](const feature::feature::v1::FeatureExecution& execution) {
                m_executions->upsert(execution);
                openExecution(QString::fromStdString(execution.id()));
            });
    connect(m_execution, &ExecutionPanel::executionChanged, m_executions, &ExecutionsPanel::upsert);
    connect(m_execution, &ExecutionPanel::reviewRequested, this, &MainWindow::openDiff);
    connect(m_execution, &ExecutionPanel::openExecution, this, &MainWindow::openExecution);
    connect(m_execution, &ExecutionPanel::backRequested, this,
            [this] { showPage(ExecutionsPage); });
    connect(m_diff, &DiffReviewPanel::backRequested, this, [this] { showPage(ExecutionPage); });
    connect(m_diff, &DiffReviewPanel::decided, m_executions, &ExecutionsPanel::upsert);
    connect(notifier, &TrayNotifier::activated, this, &MainWindow::openExecution);
    onReachability(client->reachability());
    m_nav->setCurrentRow(0);
}

MainWindow::~MainWindow() = default;

void MainWindow::styleNavigation()
{
    // A light tint instead of the solid highlight keeps the icons visible; set again on
    // every palette change, since a style sheet resolves palette() when it is applied.
    m_nav->setStyleSheet(QStringLiteral("QListWidget::item:selected { background: rgba(47, 116, "
                                        "208, 0.28); color: palette(text); }"));
}

void MainWindow::changeEvent(QEvent* event)
{
    // The application palette changed (theme switch): this window follows it.
    if (event->type() == QEvent::PaletteChange && !m_styling) {
        m_styling = true;
        styleNavigation();
        m_styling = false;
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::buildMenus()
{
    auto* studio = menuBar()->addMenu(tr("&Studio"));
    auto* settings = studio->addAction(Icons::get("settings"), tr("&Settings…"), this,
                                       &MainWindow::openSettings);
    settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    settings->setObjectName(QStringLiteral("settingsAction"));
    studio->addSeparator();
    auto* quit = studio->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    auto* go = menuBar()->addMenu(tr("&Go"));
    const struct
    {
        QString text;
        Page page;
        QKeySequence keys;
    } pages[] = {{tr("&Repositories"), RepositoriesPage, QKeySequence(Qt::CTRL | Qt::Key_1)},
                 {tr("&New feature"), NewFeaturePage, QKeySequence(Qt::CTRL | Qt::Key_N)},
                 {tr("&Executions"), ExecutionsPage, QKeySequence(Qt::CTRL | Qt::Key_3)},
                 {tr("&Admin"), AdminPage, QKeySequence(Qt::CTRL | Qt::Key_4)}};
    for (const auto& entry : pages) {
        if (entry.page == AdminPage && !m_admin)
            continue;
        auto* action = go->addAction(entry.text, this, [this, p = entry.page] { showPage(p); });
        action->setShortcut(entry.keys);
    }
    auto* newFeature2 =
        go->addAction(tr("New feature (alternative)"), this, [this] { showPage(NewFeaturePage); });
    newFeature2->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    newFeature2->setVisible(false);
    addAction(newFeature2);
    go->addSeparator();
    auto* refresh =
        go->addAction(Icons::get("refresh"), tr("Re&fresh"), this, &MainWindow::refreshCurrent);
    refresh->setShortcut(QKeySequence::Refresh);
    auto* view = menuBar()->addMenu(tr("&View"));
    auto* activity = findChild<QDockWidget*>(QStringLiteral("activityDock"))->toggleViewAction();
    activity->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    view->addAction(activity);

    auto* help = menuBar()->addMenu(tr("&Help"));
    auto* shortcuts = help->addAction(tr("&Keyboard shortcuts"), this, &MainWindow::showShortcuts);
    shortcuts->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&About Builder Studio"), this, [this] {
        QMessageBox::about(this, tr("About Builder Studio"),
                           tr("<b>Builder Studio</b><br>Write feature specs, watch executions "
                              "live, review diffs and run Builder."));
    });
}

void MainWindow::start()
{
    m_repositories->refresh();
    m_executions->reload();
    m_newFeature->loadDraft();
}

void MainWindow::showPage(Page page)
{
    if (page == AdminPage && !m_admin)
        return;
    for (int row = 0; row < m_nav->count(); ++row)
        if (m_nav->item(row)->data(Qt::UserRole).toInt() == page) {
            m_nav->setCurrentRow(row);
            break;
        }
    m_stack->setCurrentIndex(page);
}

MainWindow::Page MainWindow::currentPage() const
{
    return static_cast<Page>(m_stack->currentIndex());
}

void MainWindow::openExecution(const QString& executionId)
{
    if (executionId.isEmpty())
        return;
    m_execution->open(executionId);
    m_nav->clearSelection();
    m_stack->setCurrentIndex(ExecutionPage);
}

void MainWindow::openDiff(const QString& executionId)
{
    m_diff->open(executionId);
    m_stack->setCurrentIndex(DiffPage);
}

bool MainWindow::isOffline() const
{
    return m_client->reachability() == BackendClient::Reachability::Offline;
}

void MainWindow::onReachability(BackendClient::Reachability reachability)
{
    const QString address = m_client->settings().grpcAddress;
    const QString mode = m_client->settings().mode == client::ConnectionSettings::Mode::Local
                             ? tr("local")
                             : tr("remote");
    switch (reachability) {
    case BackendClient::Reachability::Online:
        m_connection->setText(tr("Connected to %1 builderd at %2").arg(mode, address));
        if (m_banner->isVisible()) {
            m_banner->setVisible(false);
            refreshCurrent();
        }
        break;
    case BackendClient::Reachability::Offline:
        m_connection->setText(tr("Offline: %1 is unreachable").arg(address));
        m_banner->setVisible(true);
        break;
    case BackendClient::Reachability::Connecting:
        m_connection->setText(tr("Connecting to %1…").arg(address));
        break;
    }
}

void MainWindow::report(const QString& message)
{
    m_activity->addItem(QTime::currentTime().toString(QStringLiteral("HH:mm:ss  ")) + message);
    m_activity->scrollToBottom();
    const QString line = message.section('\n', 0, 0);
    statusBar()->showMessage(line.size() > 140 ? line.left(139) + QChar(0x2026) : line, 10000);
}

void MainWindow::refreshCurrent()
{
    switch (currentPage()) {
    case ExecutionPage:
        m_execution->open(m_execution->executionId());
        break;
    case AdminPage:
        if (m_admin)
            m_admin->refresh();
        break;
    case ExecutionsPage:
        m_executions->reload();
        break;
    default:
        m_repositories->refresh();
        break;
    }
}

void MainWindow::openSettings()
{
    auto* dialog = new SettingsDialog(m_settings, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::applied, this, &MainWindow::settingsApplied);
    dialog->open();
}

void MainWindow::showShortcuts()
{
    const QString rows =
        tr("<table cellpadding=3>"
           "<tr><td><b>Ctrl+1</b></td><td>Repositories</td></tr>"
           "<tr><td><b>Ctrl+2, Ctrl+N</b></td><td>New feature</td></tr>"
           "<tr><td><b>Ctrl+3</b></td><td>Executions</td></tr>"
           "<tr><td><b>Ctrl+4</b></td><td>Admin (admins)</td></tr>"
           "<tr><td><b>F5</b></td><td>Refresh</td></tr>"
           "<tr><td><b>Ctrl+,</b></td><td>Settings</td></tr>"
           "<tr><td><b>Ctrl+Shift+L</b></td><td>Activity log</td></tr>"
           "<tr><td><b>Alt+PgDown / Alt+PgUp</b></td><td>Next / previous file (diff)</td></tr>"
           "<tr><td><b>Alt+Down / Alt+Up</b></td><td>Next / previous hunk (diff)</td></tr>"
           "<tr><td><b>F8 / Shift+F8</b></td><td>Next / previous finding (diff)</td></tr>"
           "<tr><td><b>Double-click a line</b></td><td>Comment on it (diff)</td></tr>"
           "<tr><td><b>Ctrl+Q</b></td><td>Quit</td></tr></table>");
    QMessageBox::information(this, tr("Keyboard shortcuts"), rows);
}

} // namespace builder::views
