#include "RepositoriesPanel.h"

#include "Confirmation.h"
#include "ErrorText.h"
#include "Icons.h"
#include "RepositoryDialog.h"
#include "client/BackendClient.h"
#include "client/RepositoryApi.h"
#include "models/RepositoryListModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace builder::views {

namespace rv1 = feature::repository::v1;
using models::RepositoryListModel;

namespace {

QPushButton* button(QWidget* parent, const QString& name, const QString& text, const QString& icon)
{
    auto* b = new QPushButton(Icons::get(icon), text, parent);
    b->setObjectName(name);
    b->setAccessibleName(QString(text).remove('&'));
    return b;
}

} // namespace

RepositoriesPanel::RepositoriesPanel(StudioContext context, QWidget* parent)
    : QWidget(parent), m_context(std::move(context))
{
    setObjectName(QStringLiteral("repositoriesPanel"));
    auto* layout = new QVBoxLayout(this);
    auto* heading = new QLabel(tr("<h2>Repositories</h2>"), this);
    layout->addWidget(heading);

    auto* bar = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("repositorySearch"));
    m_search->setPlaceholderText(tr("Search repositories (Ctrl+F)"));
    m_search->setAccessibleName(tr("Search repositories"));
    m_search->setClearButtonEnabled(true);
    bar->addWidget(m_search, 1);
    auto* add = button(this, "registerRepositoryButton", tr("&Register…"), "add");
    m_edit = button(this, "editRepositoryButton", tr("&Edit…"), "edit");
    m_credentials = button(this, "credentialsButton", tr("C&redentials…"), "key");
    m_validate = button(this, "validateAccessButton", tr("&Validate access"), "check");
    m_delete = button(this, "deleteRepositoryButton", tr("&Delete…"), "delete");
    auto* refresh = button(this, "refreshRepositoriesButton", tr("Refresh"), "refresh");
    for (QPushButton* b : {add, m_edit, m_credentials, m_validate, m_delete, refresh})
        bar->addWidget(b);
    layout->addLayout(bar);

    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_context.repositories);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("repositoryTable"));
    m_table->setAccessibleName(tr("Registered repositories"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(RepositoryListModel::UrlColumn,
                                                      QHeaderView::Stretch);
    layout->addWidget(m_table, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("repositoryStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    connect(m_search, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(add, &QPushButton::clicked, this,
            [this] { openDialog(static_cast<int>(RepositoryDialog::Mode::Register)); });
    connect(m_edit, &QPushButton::clicked, this,
            [this] { openDialog(static_cast<int>(RepositoryDialog::Mode::Edit)); });
    connect(m_credentials, &QPushButton::clicked, this,
            [this] { openDialog(static_cast<int>(RepositoryDialog::Mode::Credentials)); });
    connect(m_validate, &QPushButton::clicked, this, &RepositoriesPanel::validateSelected);
    connect(m_delete, &QPushButton::clicked, this, &RepositoriesPanel::deleteSelected);
    connect(refresh, &QPushButton::clicked, this, &RepositoriesPanel::refresh);
    connect(m_table, &QTableView::doubleClicked, this,
            [this] { openDialog(static_cast<int>(RepositoryDialog::Mode::Edit)); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RepositoriesPanel::updateButtons);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &RepositoriesPanel::updateButtons);
    updateButtons();
}

void RepositoriesPanel::refresh()
{
    setStatus(tr("Loading repositories…"));
    loadPage({}, std::make_shared<std::vector<rv1::Repository>>());
}

void RepositoriesPanel::loadPage(const std::string& pageToken,
                                 std::shared_ptr<std::vector<rv1::Repository>> collected)
{
    rv1::ListRequest request;
    request.mutable_pagination()->set_page_size(100);
    request.mutable_pagination()->set_page_token(pageToken);
    m_context.client->repositories().list(
        request, this, [this, collected](common::Result<client::Page<rv1::Repository>> page) {
            if (!page.ok()) {
                setStatus(ErrorText::describe(page.error(), "RepositoryService.List"), true);
                return;
            }
            collected->insert(collected->end(), page->items.begin(), page->items.end());
            if (!page->nextPageToken.empty()) {
                loadPage(page->nextPageToken, collected);
                return;
            }
            m_context.repositories->setRepositories(*collected);
            setStatus(tr("%n repositories", nullptr, static_cast<int>(collected->size())));
        });
}

int RepositoriesPanel::selectedRow() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return -1;
    return m_proxy->mapToSource(rows.first()).row();
}

void RepositoriesPanel::updateButtons()
{
    const bool selected = selectedRow() >= 0;
    for (QPushButton* b : {m_edit, m_credentials, m_validate, m_delete})
        b->setEnabled(selected);
}

void RepositoriesPanel::openDialog(int mode)
{
    const auto dialogMode = static_cast<RepositoryDialog::Mode>(mode);
    const int row = selectedRow();
    if (dialogMode != RepositoryDialog::Mode::Register && row < 0)
        return;
    // Register starts empty whatever is selected; Edit and Credentials work on the selection.
    const rv1::Repository existing = dialogMode != RepositoryDialog::Mode::Register && row >= 0
                                         ? m_context.repositories->repository(row)
                                         : rv1::Repository();
    auto* dialog = new RepositoryDialog(dialogMode, m_context, this, existing);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RepositoryDialog::saved, this, [this](const rv1::Repository& repository) {
        m_context.repositories->upsert(repository);
        setStatus(tr("Saved %1").arg(QString::fromStdString(repository.name())));
    });
    dialog->open();
}

void RepositoriesPanel::validateSelected()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    const auto repository = m_context.repositories->repository(row);
    const QString name = QString::fromStdString(repository.name());
    setStatus(tr("Checking access to %1…").arg(name));
    m_context.client->repositories().validateAccess(
        repository.id(), this, [this, name](common::Result<rv1::ValidateAccessResponse> result) {
            if (!result.ok()) {
                setStatus(ErrorText::describe(result.error(), "RepositoryService.ValidateAccess"),
                          true);
                return;
            }
            if (!result->valid()) {
                setStatus(
                    tr("No access to %1: %2").arg(name, QString::fromStdString(result->error())),
                    true);
                return;
            }
            QStringList permissions;
            for (int p : result->permissions())
                permissions << (p == rv1::PERMISSION_WRITE   ? tr("write")
                                : p == rv1::PERMISSION_ADMIN ? tr("admin")
                                                             : tr("read"));
            setStatus(tr("Access to %1 works: %2").arg(name, permissions.join(", ")));
        });
}

void RepositoriesPanel::deleteSelected()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    const auto repository = m_context.repositories->repository(row);
    const QString name = QString::fromStdString(repository.name());
    Confirmation::ask(
        this, QStringLiteral("deleteRepositoryConfirm"), tr("Delete repository"),
        tr("Delete %1? Its credentials are erased; finished executions stay readable.").arg(name),
        tr("Delete"), [this, repository] {
            m_context.client->repositories().remove(
                repository.id(), this, [this, repository](common::Result<bool> result) {
                    if (!result.ok()) {
                        setStatus(ErrorText::describe(result.error(), "RepositoryService.Delete"),
                                  true);
                        return;
                    }
                    m_context.repositories->removeById(repository.id());
                    setStatus(tr("Deleted %1").arg(QString::fromStdString(repository.name())));
                });
        });
}

void RepositoriesPanel::setStatus(const QString& text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #d03b3b;") : QString());
    if (error && m_context.report)
        m_context.report(text);
}

} // namespace builder::views
