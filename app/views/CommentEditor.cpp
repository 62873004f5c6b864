#include "CommentEditor.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace builder::views {

CommentEditor::CommentEditor(const QString& file, int line, diff::DiffDocument::Side side,
                             QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("commentEditor"));
    setWindowTitle(tr("Comment on %1:%2").arg(file).arg(line));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(
        new QLabel(side == diff::DiffDocument::Side::Old
                       ? tr("Comment on line %1 of the old version of %2").arg(line).arg(file)
                       : tr("Comment on line %1 of %2").arg(line).arg(file),
                   this));
    m_body = new QPlainTextEdit(this);
    m_body->setObjectName(QStringLiteral("commentBodyEdit"));
    m_body->setAccessibleName(tr("Comment"));
    layout->addWidget(m_body);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Add comment"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("commentAddButton"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this, file, line, side] {
        const QString body = m_body->toPlainText().trimmed();
        if (body.isEmpty())
            return;
        emit commentWritten(file, line, side, body);
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

} // namespace builder::views
