#pragma once

#include "StudioContext.h"
#include "common/Result.h"
#include "diff/DiffDocument.h"
#include "feature/feature/v1/feature.pb.h"

#include <QWidget>

#include <memory>

class QLineEdit;
class QPushButton;

namespace builder::views {

// The reviewer's decision under a diff: the comment/summary/reason field and
// Approve, Request changes (with the pending line comments), Reject (confirmed).
class ReviewDecisionBar : public QWidget
{
    Q_OBJECT
public:
    explicit ReviewDecisionBar(StudioContext context, QWidget* parent = nullptr);

    // The execution and the diff the decision is about (the head SHA, the comments).
    void setTarget(const QString& executionId, std::shared_ptr<diff::DiffDocument> document);
    void setActionsEnabled(bool enabled);

signals:
    void decided(const feature::feature::v1::FeatureExecution& execution);
    void failed(const QString& message);

private:
    void approve();
    void requestChanges();
    void reject();
    void finish(const common::Result<feature::feature::v1::FeatureExecution>& result,
                const QString& what);
    std::string headSha() const;

    StudioContext m_context;
    QString m_id;
    std::shared_ptr<diff::DiffDocument> m_document;
    QLineEdit* m_text;
    QPushButton* m_approve;
    QPushButton* m_requestChanges;
    QPushButton* m_reject;
};

} // namespace builder::views
