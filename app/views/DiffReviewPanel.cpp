#include "DiffReviewPanel.h"

#include "CommentEditor.h"
#include "Confirmation.h"
#include "ErrorText.h"
#include "Icons.h"
#include "ReviewDecisionBar.h"
#include "cache/OfflineCache.h"
#include "client/BackendClient.h"
#include "client/Delivery.h"
#include "client/ReviewApi.h"
#include "diff/DiffView.h"
#include "editor/LexerFactory.h"
#include "models/DiffFileTreeModel.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QThreadPool>
#include <QTreeView>
#include <QVBoxLayout>

namespace builder::views {

namespace fv1 = feature::feature::v1;
namespace rv1 = feature::review::v1;
using models::DiffFileTreeModel;

namespace {

QPushButton* button(QWidget* parent, const QString& name, const QString& icon, const QString& text,
                    const QString& tip = {})
{
    auto* b = new QPushButton(Icons::get(icon), text, parent);
    b->setObjectName(name);
    b->setAccessibleName(QString(text).remove('&'));
    if (!tip.isEmpty())
        b->setToolTip(tip);
    return b;
}

} // namespace

DiffReviewPanel::DiffReviewPanel(StudioContext context, QWidget* parent)
    : QWidget(parent), m_context(std::move(context))
{
    setObjectName(QStringLiteral("diffReviewPanel"));
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    auto* back = button(this, "backFromDiffButton", "back", tr("Execution"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("diffSummary"));
    m_unified = button(this, "unifiedModeButton", "unified", tr("&Unified"));
    m_sideBySide = button(this, "sideBySideModeButton", "split", tr("&Side by side"));
    for (QPushButton* b : {m_unified, m_sideBySide})
        b->setCheckable(true);
    m_unified->setChecked(true);
    auto* modes = new QButtonGroup(this);
    modes->addButton(m_unified);
    modes->addButton(m_sideBySide);
    modes->setExclusive(true);
    top->addWidget(back);
    top->addWidget(m_summary, 1);
    top->addWidget(m_unified);
    top->addWidget(m_sideBySide);
    layout->addLayout(top);

    auto* nav = new QHBoxLayout;
    auto* prevFile =
        button(this, "previousFileButton", "up", tr("File"), tr("Previous file (Alt+PgUp)"));
    auto* nextFileB =
        button(this, "nextFileButton", "down", tr("File"), tr("Next file (Alt+PgDown)"));
    auto* prevHunk =
        button(this, "previousHunkButton", "up", tr("Hunk"), tr("Previous hunk (Alt+Up)"));
    auto* nextHunkB =
        button(this, "nextHunkButton", "down", tr("Hunk"), tr("Next hunk (Alt+Down)"));
    auto* prevFinding = button(this, "previousFindingButton", "up", tr("Finding"),
                               tr("Previous finding (Shift+F8)"));
    auto* nextFindingB =
        button(this, "nextFindingButton", "down", tr("Finding"), tr("Next finding (F8)"));
    m_fileLabel = new QLabel(this);
    m_fileLabel->setObjectName(QStringLiteral("diffFileLabel"));
    for (QPushButton* b : {prevFile, nextFileB, prevHunk, nextHunkB, prevFinding, nextFindingB})
        nav->addWidget(b);
    nav->addWidget(m_fileLabel, 1);
    layout->addLayout(nav);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("diffError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral(
        "QLabel { background: #fdecea; color: #8a1c1c; padding: 8px; border-radius: 4px; }"));
    m_error->setVisible(false);
    layout->addWidget(m_error);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    m_tree = new DiffFileTreeModel(this);
    m_treeView = new QTreeView(splitter);
    m_treeView->setObjectName(QStringLiteral("diffFileTree"));
    m_treeView->setAccessibleName(tr("Changed files"));
    m_treeView->setModel(m_tree);
    m_treeView->setUniformRowHeights(true);
    m_treeView->header()->setStretchLastSection(false);
    m_treeView->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_treeView->header()->setSectionResizeMode(DiffFileTreeModel::NameColumn, QHeaderView::Stretch);
    m_view = new diff::DiffView(splitter);
    m_view->setObjectName(QStringLiteral("diffView"));
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({320, 760});
    layout->addWidget(splitter, 1);

    m_decision = new ReviewDecisionBar(m_context, this);
    layout->addWidget(m_decision);

    connect(back, &QPushButton::clicked, this, &DiffReviewPanel::backRequested);
    connect(m_unified, &QPushButton::clicked, this,
            [this] { m_view->setMode(diff::DiffView::Mode::Unified); });
    connect(m_sideBySide, &QPushButton::clicked, this,
            [this] { m_view->setMode(diff::DiffView::Mode::SideBySide); });
    connect(prevFile, &QPushButton::clicked, this, &DiffReviewPanel::previousFile);
    connect(nextFileB, &QPushButton::clicked, this, &DiffReviewPanel::nextFile);
    connect(prevHunk, &QPushButton::clicked, this, &DiffReviewPanel::previousHunk);
    connect(nextHunkB, &QPushButton::clicked, this, &DiffReviewPanel::nextHunk);
    connect(prevFinding, &QPushButton::clicked, this, &DiffReviewPanel::previousFinding);
    connect(nextFindingB, &QPushButton::clicked, this, &DiffReviewPanel::nextFinding);
    connect(m_treeView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& index) {
                const int file =
                    index.sibling(index.row(), 0).data(DiffFileTreeModel::FileIndexRole).toInt();
                if (file >= 0 && file != m_file)
                    selectFile(file);
            });
    connect(m_view, &diff::DiffView::commentRequested, this, &DiffReviewPanel::addComment);
    connect(m_decision, &ReviewDecisionBar::failed, this, &DiffReviewPanel::setError);
    connect(m_decision, &ReviewDecisionBar::decided, this,
            [this](const feature::feature::v1::FeatureExecution& execution) {
                m_error->setVisible(false);
                m_summary->setText(tr("Decision recorded"));
                emit decided(execution);
            });
    addShortcuts();
}

DiffReviewPanel::~DiffReviewPanel() = default;

void DiffReviewPanel::addShortcuts()
{
    const struct
    {
        QKeySequence keys;
        void (DiffReviewPanel::*slot)();
    } bindings[] = {
        {QKeySequence(Qt::ALT | Qt::Key_PageDown), &DiffReviewPanel::nextFile},
        {QKeySequence(Qt::ALT | Qt::Key_PageUp), &DiffReviewPanel::previousFile},
        {QKeySequence(Qt::ALT | Qt::Key_Down), &DiffReviewPanel::nextHunk},
        {QKeySequence(Qt::ALT | Qt::Key_Up), &DiffReviewPanel::previousHunk},
        {QKeySequence(Qt::Key_F8), &DiffReviewPanel::nextFinding},
        {QKeySequence(Qt::SHIFT | Qt::Key_F8), &DiffReviewPanel::previousFinding},
    };
    for (const auto& binding : bindings) {
        auto* shortcut = new QShortcut(binding.keys, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, binding.slot);
    }
}

void DiffReviewPanel::open(const QString& executionId)
{
    m_id = executionId;
    m_error->setVisible(false);
    m_summary->setText(tr("Loading the diff…"));
    m_decision->setActionsEnabled(false);
    m_context.client->reviews().getDiff(
        executionId.toStdString(), this,
        [this, executionId](common::Result<rv1::GetDiffResponse> result) {
            if (executionId != m_id)
                return;
            if (result.ok()) {
                m_fromCache = false;
                m_context.cache->putDiff(executionId, result.value());
                showDiff(result.value());
                m_decision->setActionsEnabled(true);
                return;
            }
            const common::Error error = result.error();
            setError(ErrorText::describe(error, "ReviewService.GetDiff"));
            if (!m_document)
                m_summary->clear();
            if (error.code() == common::StatusCode::Unavailable)
                m_context.cache->diff(executionId, this,
                                      [this](std::optional<rv1::GetDiffResponse> cached) {
                                          if (cached) {
                                              m_fromCache = true;
                                              showDiff(*cached);
                                          }
                                      });
        });
}

void DiffReviewPanel::showDiff(const rv1::GetDiffResponse& response)
{
    const quint64 generation = ++m_generation;
    QPointer<QObject> self(this);
    auto copy = std::make_shared<rv1::GetDiffResponse>(response);
    // Laying out a large diff is pure work: do it off the GUI thread.
    QThreadPool::globalInstance()->start([self, copy, generation] {
        auto document =
            std::make_shared<diff::DiffDocument>(diff::DiffDocument::fromResponse(*copy));
        client::deliver(self, [self, document, generation] {
            auto* panel = static_cast<DiffReviewPanel*>(self.data());
            if (panel->m_generation == generation)
                panel->setDocument(document);
        });
    });
}

void DiffReviewPanel::setDocument(std::shared_ptr<diff::DiffDocument> document)
{
    m_document = std::move(document);
    m_decision->setTarget(m_id, m_document);
    std::vector<DiffFileTreeModel::File> files;
    int additions = 0;
    int deletions = 0;
    const auto& list = m_document->files();
    for (std::size_t i = 0; i < list.size(); ++i) {
        const auto& f = list[i];
        files.push_back({f.path, f.oldPath, f.status, f.additions, f.deletions,
                         static_cast<int>(f.findings.size()), static_cast<int>(i)});
        additions += f.additions;
        deletions += f.deletions;
    }
    m_tree->setFiles(files);
    m_treeView->expandAll();
    QString summary = tr("%1..%2 — %n file(s)", nullptr, static_cast<int>(list.size()))
                          .arg(m_document->baseSha().left(8), m_document->headSha().left(8));
    summary += tr(", +%1 −%2").arg(additions).arg(deletions);
    summary += tr(", %n finding(s)", nullptr, m_document->findingCount());
    summary += tr(", risk %1").arg(m_document->riskScore());
    if (m_fromCache) {
        summary += tr(" (from the offline cache)");
    } else {
        m_error->setVisible(false);
        m_decision->setActionsEnabled(true); // a current diff can be decided on
    }
    m_summary->setText(summary);
    m_file = -1;
    if (!list.empty())
        selectFile(0);
    else
        m_view->showFile(nullptr);
    emit documentShown(static_cast<int>(list.size()), m_document->lineCount());
}

void DiffReviewPanel::selectFile(int index)
{
    if (!m_document || index < 0 || index >= static_cast<int>(m_document->files().size()))
        return;
    m_file = index;
    const auto& file = m_document->files()[static_cast<std::size_t>(index)];
    m_view->showFile(&file);
    m_fileLabel->setText(
        tr("%1 (%2 of %3)").arg(file.path).arg(index + 1).arg(m_document->files().size()) +
        QStringLiteral(" — ") + editor::LexerFactory::languageName(file.path));
    const QModelIndex treeIndex = m_tree->indexOfFile(index);
    if (treeIndex.isValid() && m_treeView->currentIndex() != treeIndex)
        m_treeView->setCurrentIndex(treeIndex);
}

void DiffReviewPanel::nextFile()
{
    if (m_document && m_file + 1 < static_cast<int>(m_document->files().size()))
        selectFile(m_file + 1);
}

void DiffReviewPanel::previousFile()
{
    if (m_file > 0)
        selectFile(m_file - 1);
}

void DiffReviewPanel::nextHunk()
{
    if (!m_view->nextHunk() && m_document &&
        m_file + 1 < static_cast<int>(m_document->files().size())) {
        selectFile(m_file + 1);
        m_view->gotoFirstRow();
    }
}

void DiffReviewPanel::previousHunk()
{
    if (!m_view->previousHunk() && m_file > 0) {
        selectFile(m_file - 1);
        m_view->gotoLastRow();
        m_view->previousHunk();
    }
}

void DiffReviewPanel::nextFinding()
{
    if (m_view->nextFinding() || !m_document)
        return;
    for (int i = m_file + 1; i < static_cast<int>(m_document->files().size()); ++i)
        if (!m_document->files()[static_cast<std::size_t>(i)].findings.empty()) {
            selectFile(i);
            m_view->gotoFirstRow();
            if (!m_view->nextFinding())
                m_view->gotoFirstRow();
            return;
        }
}

void DiffReviewPanel::previousFinding()
{
    if (m_view->previousFinding() || !m_document)
        return;
    for (int i = m_file - 1; i >= 0; --i)
        if (!m_document->files()[static_cast<std::size_t>(i)].findings.empty()) {
            selectFile(i);
            m_view->gotoLastRow();
            m_view->previousFinding();
            return;
        }
}

void DiffReviewPanel::addComment(int line, diff::DiffDocument::Side side)
{
    if (!m_document || m_file < 0)
        return;
    const QString path = m_document->files()[static_cast<std::size_t>(m_file)].path;
    auto* editor = new CommentEditor(path, line, side, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(
        editor, &CommentEditor::commentWritten, this,
        [this](const QString& file, int line, diff::DiffDocument::Side side, const QString& body) {
            const int index = m_document ? m_document->fileIndex(file) : -1;
            if (index < 0)
                return;
            m_document->files()[static_cast<std::size_t>(index)].comments.push_back(
                {QString(), line, side, body, QString(), true});
            if (index == m_file)
                m_view->refreshNotes();
        });
    editor->open();
}

void DiffReviewPanel::setError(const QString& text)
{
    m_error->setText(text);
    m_error->setVisible(true);
    if (m_context.report)
        m_context.report(text);
}

} // namespace builder::views
