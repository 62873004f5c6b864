#pragma once

#include "StudioContext.h"
#include "common/Result.h"
#include "diff/DiffDocument.h"
#include "feature/feature/v1/feature.pb.h"

#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeView;

namespace builder::diff {
class DiffView;
}
namespace builder::models {
class DiffFileTreeModel;
}

namespace builder::views {

// Diff review: the file tree with counts, the diff (unified or side by side)
// with findings in the margin and comments under their lines; Approve,
// Request changes, Reject; keyboard navigation between files, hunks, findings.
class ReviewDecisionBar;

class DiffReviewPanel : public QWidget
{
    Q_OBJECT
public:
    explicit DiffReviewPanel(StudioContext context, QWidget* parent = nullptr);
    ~DiffReviewPanel() override;

    void open(const QString& executionId);
    // Shows an already loaded diff (offline cache, benchmark); builds off the GUI thread.
    void showDiff(const feature::review::v1::GetDiffResponse& response);
    const diff::DiffDocument* document() const { return m_document.get(); }
    int currentFile() const { return m_file; }
    diff::DiffView* diffView() const { return m_view; }

    void nextFile();
    void previousFile();
    void nextHunk();
    void previousHunk();
    void nextFinding();
    void previousFinding();

signals:
    void documentShown(int files, int lines);
    void decided(const feature::feature::v1::FeatureExecution& execution);
    void backRequested();

private:
    void setDocument(std::shared_ptr<diff::DiffDocument> document);
    void selectFile(int index);
    void addComment(int line, diff::DiffDocument::Side side);
    void setError(const QString& text);
    void addShortcuts();

    StudioContext m_context;
    QString m_id;
    std::shared_ptr<diff::DiffDocument> m_document;
    int m_file = -1;
    models::DiffFileTreeModel* m_tree;
    QTreeView* m_treeView;
    diff::DiffView* m_view;
    QLabel* m_summary;
    QLabel* m_error;
    QLabel* m_fileLabel;
    ReviewDecisionBar* m_decision;
    QPushButton* m_unified;
    QPushButton* m_sideBySide;
    quint64 m_generation = 0;
    bool m_fromCache = false;
};

} // namespace builder::views
