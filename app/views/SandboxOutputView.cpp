#include "SandboxOutputView.h"

#include <QFontDatabase>
#include <QScrollBar>
#include <QTextCursor>

namespace builder::views {

SandboxOutputView::SandboxOutputView(QWidget* parent) : QPlainTextEdit(parent)
{
    setObjectName(QStringLiteral("sandboxOutput"));
    setAccessibleName(tr("Sandbox output"));
    setReadOnly(true);
    setMaximumBlockCount(kMaxLines);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
}

void SandboxOutputView::appendChunk(const QString& chunk, bool isError)
{
    QScrollBar* bar = verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 2;
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    for (const auto& run : m_ansi.feed(chunk)) {
        QTextCharFormat format;
        if (run.foreground.isValid())
            format.setForeground(run.foreground);
        else if (isError)
            format.setForeground(AnsiText::paletteColour(1, false));
        if (run.background.isValid())
            format.setBackground(run.background);
        if (run.bold)
            format.setFontWeight(QFont::Bold);
        cursor.insertText(run.text, format);
    }
    if (atEnd)
        bar->setValue(bar->maximum());
}

void SandboxOutputView::clearOutput()
{
    clear();
    m_ansi = AnsiText();
}

} // namespace builder::views
