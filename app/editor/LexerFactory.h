#pragma once

#include <QString>

class QObject;
class QsciLexer;

namespace builder::editor {

// Picks the QScintilla lexer for a file from its name (extension or well-known name).
class LexerFactory
{
public:
    // nullptr for plain text; the lexer is parented to `parent`.
    static QsciLexer* forPath(const QString& path, QObject* parent);
    // The language name shown to the user ("C++", "Python", ... or "Text").
    static QString languageName(const QString& path);
};

} // namespace builder::editor
