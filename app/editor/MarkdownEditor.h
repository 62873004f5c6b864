#pragma once

#include <QWidget>

namespace builder::editor {

// A Markdown source editor (QScintilla with the Markdown lexer, line wrapping,
// no margins) behind a plain QWidget API.
class MarkdownEditor : public QWidget
{
    Q_OBJECT
public:
    explicit MarkdownEditor(QWidget* parent = nullptr);
    ~MarkdownEditor() override;

    QString text() const;
    void setText(const QString& text);
    void setHint(const QString& text);
    // Re-reads the palette (light/dark theme switch).
    void applyPalette();

signals:
    void textChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Parts;
    Parts* m_parts;
};

} // namespace builder::editor
