#include "MarkdownEditor.h"

#include "EditorTheme.h"

#include <Qsci/qscilexermarkdown.h>
#include <Qsci/qsciscintilla.h>

#include <QEvent>
#include <QFontDatabase>
#include <QVBoxLayout>

namespace builder::editor {

struct MarkdownEditor::Parts
{
    QsciScintilla* editor = nullptr;
    QsciLexerMarkdown* lexer = nullptr;
};

MarkdownEditor::MarkdownEditor(QWidget* parent) : QWidget(parent), m_parts(new Parts)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_parts->editor = new QsciScintilla(this);
    m_parts->editor->setObjectName(QStringLiteral("markdownSource"));
    m_parts->lexer = new QsciLexerMarkdown(m_parts->editor);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_parts->lexer->setDefaultFont(mono);
    m_parts->lexer->setFont(mono, -1);
    m_parts->editor->setLexer(m_parts->lexer);
    m_parts->editor->setWrapMode(QsciScintilla::WrapWord);
    m_parts->editor->setMarginWidth(0, 0);
    m_parts->editor->setMarginWidth(1, 0);
    m_parts->editor->setUtf8(true);
    m_parts->editor->setTabWidth(4);
    m_parts->editor->setIndentationsUseTabs(false);
    m_parts->editor->setAutoIndent(true);
    m_parts->editor->setBraceMatching(QsciScintilla::NoBraceMatch);
    layout->addWidget(m_parts->editor);
    setFocusProxy(m_parts->editor);
    connect(m_parts->editor, &QsciScintilla::textChanged, this, &MarkdownEditor::textChanged);
    applyPalette();
}

MarkdownEditor::~MarkdownEditor()
{
    delete m_parts;
}

QString MarkdownEditor::text() const
{
    return m_parts->editor->text();
}

void MarkdownEditor::setText(const QString& text)
{
    if (text == m_parts->editor->text())
        return;
    m_parts->editor->setText(text);
}

void MarkdownEditor::setHint(const QString& text)
{
    m_parts->editor->setToolTip(text);
    m_parts->editor->setAccessibleDescription(text);
}

void MarkdownEditor::applyPalette()
{
    EditorTheme::apply(*m_parts->editor, m_parts->lexer, palette());
}

void MarkdownEditor::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    QWidget::changeEvent(event);
}

} // namespace builder::editor
