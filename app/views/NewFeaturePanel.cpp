#include "NewFeaturePanel.h"

#include "ConstraintsForm.h"
#include "ErrorText.h"
#include "Icons.h"
#include "LocalizationPreviewPanel.h"
#include "cache/OfflineCache.h"
#include "client/BackendClient.h"
#include "client/FeatureApi.h"
#include "common/FeatureValidation.h"
#include "editor/MarkdownEditor.h"
#include "models/RepositoryListModel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTextBrowser>
#include <QTime>
#include <QUuid>
#include <QVBoxLayout>

namespace builder::views {

namespace fv1 = feature::feature::v1;
using common::FeatureValidation;

namespace {

QLabel* errorLabel(QWidget* parent, const QString& name)
{
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    return label;
}

} // namespace

NewFeaturePanel::NewFeaturePanel(StudioContext context, QWidget* parent)
    : QWidget(parent), m_context(std::move(context))
{
    setObjectName(QStringLiteral("newFeaturePanel"));
    auto* outer = new QVBoxLayout(this);
    outer->addWidget(new QLabel(tr("<h2>New feature</h2>"), this));
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* body = new QWidget(scroll);
    scroll->setWidget(body);
    outer->addWidget(scroll, 1);
    auto* layout = new QVBoxLayout(body);

    auto* form = new QFormLayout;
    layout->addLayout(form);
    m_title = new QLineEdit(body);
    m_title->setObjectName(QStringLiteral("featureTitleEdit"));
    m_title->setAccessibleName(tr("Feature title"));
    m_title->setPlaceholderText(tr("Add login with JWT"));
    auto* titleError = errorLabel(body, "featureTitleError");
    form->addRow(tr("&Title:"), m_title);
    form->addRow(QString(), titleError);
    m_errors.bind("spec.title", m_title, titleError);

    m_repository = new QComboBox(body);
    m_repository->setObjectName(QStringLiteral("featureRepositoryCombo"));
    m_repository->setAccessibleName(tr("Repository"));
    m_repository->setModel(m_context.repositories);
    m_repository->setModelColumn(models::RepositoryListModel::NameColumn);
    auto* repositoryError = errorLabel(body, "featureRepositoryError");
    form->addRow(tr("&Repository:"), m_repository);
    form->addRow(QString(), repositoryError);
    m_errors.bind("spec.repository_id", m_repository, repositoryError);

    auto* branches = new QHBoxLayout;
    m_targetBranch = new QLineEdit(body);
    m_targetBranch->setObjectName(QStringLiteral("featureTargetBranchEdit"));
    m_targetBranch->setAccessibleName(tr("Target branch"));
    m_targetBranch->setPlaceholderText(tr("repository default"));
    m_featureBranch = new QLineEdit(body);
    m_featureBranch->setObjectName(QStringLiteral("featureBranchEdit"));
    m_featureBranch->setAccessibleName(tr("Feature branch"));
    m_featureBranch->setPlaceholderText(tr("generated from the title"));
    branches->addWidget(m_targetBranch);
    branches->addWidget(new QLabel(tr("Feature branch:"), body));
    branches->addWidget(m_featureBranch);
    auto* targetError = errorLabel(body, "featureTargetBranchError");
    auto* branchError = errorLabel(body, "featureBranchError");
    form->addRow(tr("Target branch:"), branches);
    form->addRow(QString(), targetError);
    form->addRow(QString(), branchError);
    m_errors.bind("spec.target_branch", m_targetBranch, targetError);
    m_errors.bind("spec.feature_branch", m_featureBranch, branchError);

    auto* splitter = new QSplitter(Qt::Horizontal, body);
    m_description = new editor::MarkdownEditor(splitter);
    m_description->setObjectName(QStringLiteral("featureDescriptionEditor"));
    m_description->setAccessibleName(tr("Description (Markdown)"));
    m_description->setHint(tr("Describe the feature in Markdown"));
    m_preview = new QTextBrowser(splitter);
    m_preview->setObjectName(QStringLiteral("featureDescriptionPreview"));
    m_preview->setAccessibleName(tr("Description preview"));
    m_preview->setOpenExternalLinks(true);
    splitter->setMinimumHeight(220);
    auto* descriptionLabel =
        new QLabel(tr("&Description (Markdown, live preview on the right):"), body);
    descriptionLabel->setBuddy(m_description);
    layout->addWidget(descriptionLabel);
    layout->addWidget(splitter, 1);
    auto* descriptionError = errorLabel(body, "featureDescriptionError");
    layout->addWidget(descriptionError);
    m_errors.bind("spec.description", m_description, descriptionError);

    auto* constraintsBox = new QGroupBox(tr("Constraints"), body);
    auto* constraintsLayout = new QVBoxLayout(constraintsBox);
    m_constraints = new ConstraintsForm(constraintsBox);
    constraintsLayout->addWidget(m_constraints);
    m_constraints->bindErrors(m_errors);
    m_localization = new LocalizationPreviewPanel(m_context, body);
    auto* lower = new QHBoxLayout;
    lower->addWidget(constraintsBox, 1);
    lower->addWidget(m_localization, 1);
    layout->addLayout(lower);

    m_formError = errorLabel(this, "featureFormError");
    m_formError->setWordWrap(true);
    m_formError->setStyleSheet(QStringLiteral("color: #d03b3b;"));
    m_formError->setVisible(false);
    outer->addWidget(m_formError);
    auto* actions = new QHBoxLayout;
    m_draftStatus = new QLabel(this);
    m_draftStatus->setObjectName(QStringLiteral("draftStatus"));
    actions->addWidget(m_draftStatus, 1);
    auto* discard = new QPushButton(Icons::get("delete"), tr("Discard draft"), this);
    discard->setObjectName(QStringLiteral("discardDraftButton"));
    m_submit = new QPushButton(Icons::get("play"), tr("&Submit feature"), this);
    m_submit->setObjectName(QStringLiteral("submitFeatureButton"));
    m_submit->setAccessibleName(tr("Submit feature"));
    m_submit->setDefault(true);
    actions->addWidget(discard);
    actions->addWidget(m_submit);
    outer->addLayout(actions);

    m_draftTimer.setSingleShot(true);
    m_draftTimer.setInterval(kDraftDelayMs);
    connect(&m_draftTimer, &QTimer::timeout, this, &NewFeaturePanel::saveDraft);
    m_previewTimer.setSingleShot(true);
    m_previewTimer.setInterval(150);
    connect(&m_previewTimer, &QTimer::timeout, this,
            [this] { m_preview->setMarkdown(m_description->text()); });

    for (QLineEdit* edit : {m_title, m_targetBranch, m_featureBranch})
        connect(edit, &QLineEdit::textChanged, this, &NewFeaturePanel::onEdited);
    connect(m_repository, &QComboBox::currentIndexChanged, this, &NewFeaturePanel::onEdited);
    connect(m_description, &editor::MarkdownEditor::textChanged, this, [this] {
        m_previewTimer.start();
        onEdited();
    });
    connect(m_constraints, &ConstraintsForm::changed, this, &NewFeaturePanel::onEdited);
    connect(m_submit, &QPushButton::clicked, this, &NewFeaturePanel::submit);
    connect(discard, &QPushButton::clicked, this, &NewFeaturePanel::discardDraft);
    connect(m_localization, &LocalizationPreviewPanel::previewRequested, this, [this] {
        m_localization->preview(
            m_repository->currentData(models::RepositoryListModel::IdRole).toString(),
            m_title->text().trimmed() + QStringLiteral("\n\n") + m_description->text());
    });
    m_idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_localization->probe();
    // The draft may name a repository the list has not loaded yet.
    connect(m_context.repositories, &QAbstractItemModel::modelReset, this,
            &NewFeaturePanel::selectPendingRepository);
}

void NewFeaturePanel::selectPendingRepository()
{
    if (m_pendingRepositoryId.isEmpty())
        return;
    const int row = m_context.repositories->rowOf(m_pendingRepositoryId.toStdString());
    if (row < 0)
        return;
    m_loading = true;
    m_repository->setCurrentIndex(row);
    m_loading = false;
    m_pendingRepositoryId.clear();
}

fv1::CreateRequest NewFeaturePanel::request() const
{
    fv1::CreateRequest request;
    auto* spec = request.mutable_spec();
    spec->set_title(m_title->text().trimmed().toStdString());
    spec->set_description(m_description->text().toStdString());
    spec->set_repository_id(
        m_repository->currentData(models::RepositoryListModel::IdRole).toString().toStdString());
    spec->set_target_branch(m_targetBranch->text().trimmed().toStdString());
    spec->set_feature_branch(m_featureBranch->text().trimmed().toStdString());
    *spec->mutable_constraints() = m_constraints->constraints();
    request.set_idempotency_key(m_idempotencyKey.toStdString());
    return request;
}

void NewFeaturePanel::onEdited()
{
    if (m_loading)
        return;
    validateLive();
    m_draftTimer.start();
}

void NewFeaturePanel::validateLive()
{
    if (!m_title->text().isEmpty())
        m_errors.showField("spec.title",
                           FeatureValidation::validateTitle(m_title->text().toStdString()));
    if (!m_description->text().isEmpty())
        m_errors.showField("spec.description", FeatureValidation::validateDescription(
                                                   m_description->text().toStdString()));
    m_errors.showField("spec.target_branch",
                       FeatureValidation::validateOptionalBranch(
                           m_targetBranch->text().trimmed().toStdString(), "spec.target_branch"));
    m_errors.showField("spec.feature_branch",
                       FeatureValidation::validateOptionalBranch(
                           m_featureBranch->text().trimmed().toStdString(), "spec.feature_branch"));
    m_constraints->validateLive(m_errors);
}

void NewFeaturePanel::saveDraft()
{
    const QJsonObject draft{
        {"title", m_title->text()},
        {"repositoryId", m_repository->currentData(models::RepositoryListModel::IdRole).toString()},
        {"targetBranch", m_targetBranch->text()},
        {"featureBranch", m_featureBranch->text()},
        {"description", m_description->text()},
        {"constraints", m_constraints->toJson()}};
    m_context.cache->putDraft(kDraftKey, QJsonDocument(draft).toJson(QJsonDocument::Compact));
    m_draftStatus->setText(
        tr("Draft saved at %1").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))));
}

void NewFeaturePanel::loadDraft()
{
    m_context.cache->draft(kDraftKey, this, [this](QByteArray data) {
        if (data.isEmpty())
            return;
        const QJsonObject draft = QJsonDocument::fromJson(data).object();
        m_loading = true;
        m_title->setText(draft.value("title").toString());
        m_pendingRepositoryId = draft.value("repositoryId").toString();
        selectPendingRepository();
        m_targetBranch->setText(draft.value("targetBranch").toString());
        m_featureBranch->setText(draft.value("featureBranch").toString());
        m_description->setText(draft.value("description").toString());
        m_constraints->fromJson(draft.value("constraints").toObject());
        m_loading = false;
        m_preview->setMarkdown(m_description->text());
        m_draftStatus->setText(tr("Draft restored"));
    });
}

void NewFeaturePanel::submit()
{
    m_formError->setVisible(false);
    const fv1::CreateRequest create = request();
    const auto violations = FeatureValidation::validate(create);
    const QStringList unclaimed = m_errors.show(violations);
    if (!violations.empty()) {
        if (!unclaimed.isEmpty()) {
            m_formError->setText(unclaimed.join('\n'));
            m_formError->setVisible(true);
        }
        return;
    }
    m_submit->setEnabled(false);
    m_context.client->features().create(
        create, this, [this](common::Result<fv1::FeatureExecution> result) {
            m_submit->setEnabled(true);
            if (!result.ok()) {
                const QStringList rest = m_errors.show(result.error().violations());
                if (!rest.isEmpty() || result.error().violations().empty()) {
                    m_formError->setText(
                        ErrorText::describe(result.error(), "FeatureService.Create"));
                    m_formError->setVisible(true);
                }
                return;
            }
            m_context.cache->removeDraft(kDraftKey);
            clearForm();
            emit submitted(result.value());
        });
}

void NewFeaturePanel::discardDraft()
{
    m_context.cache->removeDraft(kDraftKey);
    clearForm();
}

void NewFeaturePanel::clearForm()
{
    m_pendingRepositoryId.clear();
    m_loading = true;
    m_title->clear();
    m_targetBranch->clear();
    m_featureBranch->clear();
    m_description->setText(QString());
    m_constraints->fromJson({});
    m_loading = false;
    m_draftTimer.stop();
    m_errors.clear();
    m_preview->clear();
    m_draftStatus->clear();
    m_idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace builder::views
