#pragma once

#include "diff/DiffDocument.h"

#include <QDialog>

class QPlainTextEdit;

namespace builder::views {

// Writes one review comment anchored to a file line (non-modal, opened with open()).
class CommentEditor : public QDialog
{
    Q_OBJECT
public:
    CommentEditor(const QString& file, int line, diff::DiffDocument::Side side,
                  QWidget* parent = nullptr);

signals:
    void commentWritten(const QString& file, int line, builder::diff::DiffDocument::Side side,
                        const QString& body);

private:
    QPlainTextEdit* m_body;
};

} // namespace builder::views
