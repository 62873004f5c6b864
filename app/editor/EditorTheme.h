#pragma once

class QsciScintilla;
class QsciLexer;
class QPalette;

namespace builder::editor {

// Applies the application palette (light or dark) to an editor and its lexer.
class EditorTheme
{
public:
    static void apply(QsciScintilla& editor, QsciLexer* lexer, const QPalette& palette);
    static bool isDark(const QPalette& palette);
};

} // namespace builder::editor
