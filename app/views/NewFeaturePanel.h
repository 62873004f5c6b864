#pragma once

#include "FieldErrors.h"
#include "StudioContext.h"
#include "feature/feature/v1/feature.pb.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTextBrowser;

namespace builder::editor {
class MarkdownEditor;
}

namespace builder::views {

class ConstraintsForm;
class LocalizationPreviewPanel;

// New feature: title, repository, branches, the Markdown description with a
// live preview, constraints and the localization preview. The draft is saved
// to the offline cache as it is typed; submitting shows the server's field errors in place.
class NewFeaturePanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr const char* kDraftKey = "new-feature";
    static constexpr int kDraftDelayMs = 800;

    explicit NewFeaturePanel(StudioContext context, QWidget* parent = nullptr);

    feature::feature::v1::CreateRequest request() const;
    void loadDraft();

signals:
    void submitted(const feature::feature::v1::FeatureExecution& execution);

private:
    void onEdited();
    void validateLive();
    void saveDraft();
    void submit();
    void discardDraft();
    void clearForm();
    void selectPendingRepository();

    StudioContext m_context;
    QLineEdit* m_title;
    QComboBox* m_repository;
    QLineEdit* m_targetBranch;
    QLineEdit* m_featureBranch;
    editor::MarkdownEditor* m_description;
    QTextBrowser* m_preview;
    ConstraintsForm* m_constraints;
    LocalizationPreviewPanel* m_localization;
    QLabel* m_draftStatus;
    QLabel* m_formError;
    QPushButton* m_submit;
    QTimer m_draftTimer;
    QTimer m_previewTimer;
    FieldErrors m_errors;
    QString m_idempotencyKey;
    QString m_pendingRepositoryId;
    bool m_loading = false;
};

} // namespace builder::views
