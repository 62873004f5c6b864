#include "ReviewDecisionBar.h"

#include "Confirmation.h"
#include "ErrorText.h"
#include "Icons.h"
#include "client/BackendClient.h"
#include "client/ReviewApi.h"

#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

namespace builder::views {

namespace fv1 = feature::feature::v1;
namespace rv1 = feature::review::v1;

namespace {

QPushButton* button(QWidget* parent, const QString& name, const QString& icon, const QString& text)
{
    auto* b = new QPushButton(Icons::get(icon), text, parent);
    b->setObjectName(name);
    b->setAccessibleName(QString(text).remove('&'));
    return b;
}

} // namespace

ReviewDecisionBar::ReviewDecisionBar(StudioContext context, QWidget* parent)
    : QWidget(parent), m_context(std::move(context))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("reviewSummaryEdit"));
    m_text->setAccessibleName(tr("Review comment or reason"));
    m_text->setPlaceholderText(
        tr("Review comment (approve), summary (request changes) or reason (reject)"));
    m_approve = button(this, "approveButton", "check", tr("&Approve"));
    m_requestChanges = button(this, "requestChangesButton", "edit", tr("Request &changes"));
    m_reject = button(this, "rejectButton", "delete", tr("Re&ject"));
    layout->addWidget(m_text, 1);
    layout->addWidget(m_approve);
    layout->addWidget(m_requestChanges);
    layout->addWidget(m_reject);
    connect(m_approve, &QPushButton::clicked, this, &ReviewDecisionBar::approve);
    connect(m_requestChanges, &QPushButton::clicked, this, &ReviewDecisionBar::requestChanges);
    connect(m_reject, &QPushButton::clicked, this, &ReviewDecisionBar::reject);
    setActionsEnabled(false);
}

void ReviewDecisionBar::setTarget(const QString& executionId,
                                  std::shared_ptr<diff::DiffDocument> document)
{
    m_id = executionId;
    m_document = std::move(document);
}

void ReviewDecisionBar::setActionsEnabled(bool enabled)
{
    for (QPushButton* b : {m_approve, m_requestChanges, m_reject})
        b->setEnabled(enabled);
}

std::string ReviewDecisionBar::headSha() const
{
    // The head the reviewer saw: the server refuses a decision on a newer one.
    return m_document ? m_document->headSha().toStdString() : std::string();
}

void ReviewDecisionBar::approve()
{
    rv1::ApproveRequest request;
    request.set_feature_execution_id(m_id.toStdString());
    request.set_commit_sha(headSha());
    request.set_comment(m_text->text().trimmed().toStdString());
    setActionsEnabled(false);
    m_context.client->reviews().approve(request, this,
                                        [this](common::Result<fv1::FeatureExecution> result) {
                                            finish(result, "ReviewService.Approve");
                                        });
}

void ReviewDecisionBar::requestChanges()
{
    rv1::RequestChangesRequest request;
    request.set_feature_execution_id(m_id.toStdString());
    request.set_commit_sha(headSha());
    request.set_summary(m_text->text().trimmed().toStdString());
    if (m_document)
        for (const auto& file : m_document->files())
            for (const auto& comment : file.comments) {
                if (!comment.pending)
                    continue;
                auto* out = request.add_comments();
                out->set_file(file.path.toStdString());
                out->set_line(comment.line);
                out->set_side(comment.side == diff::DiffDocument::Side::Old
                                  ? rv1::COMMENT_SIDE_OLD
                                  : rv1::COMMENT_SIDE_NEW);
                out->set_body(comment.body.toStdString());
            }
    if (request.comments_size() == 0 && request.summary().empty()) {
        emit failed(
            tr("Request changes needs a comment on a line (double-click it) or a summary."));
        return;
    }
    setActionsEnabled(false);
    m_context.client->reviews().requestChanges(
        request, this, [this](common::Result<fv1::FeatureExecution> result) {
            finish(result, "ReviewService.RequestChanges");
        });
}

void ReviewDecisionBar::reject()
{
    const QString reason = m_text->text().trimmed();
    if (reason.isEmpty()) {
        emit failed(tr("Reject needs a reason: write it in the review field."));
        return;
    }
    Confirmation::ask(this, QStringLiteral("rejectConfirm"), tr("Reject"),
                      tr("Reject this execution? It fails with your reason."), tr("Reject"),
                      [this, reason] {
                          rv1::RejectRequest request;
                          request.set_feature_execution_id(m_id.toStdString());
                          request.set_reason(reason.toStdString());
                          setActionsEnabled(false);
                          m_context.client->reviews().reject(
                              request, this, [this](common::Result<fv1::FeatureExecution> r) {
                                  finish(r, "ReviewService.Reject");
                              });
                      });
}

void ReviewDecisionBar::finish(const common::Result<fv1::FeatureExecution>& result,
                               const QString& what)
{
    setActionsEnabled(true);
    if (!result.ok()) {
        emit failed(ErrorText::describe(result.error(), what));
        return;
    }
    emit decided(result.value());
}

} // namespace builder::views
