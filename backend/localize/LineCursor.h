#pragma once

#include <initializer_list>
#include <span>
#include <string_view>

namespace builder::localize {

class WordSet;

// Reads one source line left to right: words, identifiers, punctuation. The
// built-in symbol extractor is written in these steps instead of regular
// expressions, which are too slow for 50,000 files.
class LineCursor
{
public:
    explicit LineCursor(std::string_view line);

    std::string_view rest() const { return m_rest; }
    bool atEnd() const { return m_rest.empty(); }
    char peek() const { return m_rest.empty() ? '\0' : m_rest.front(); }

    void skipSpaces();
    // Consumes `word` when the line continues with it as a whole word (then spaces).
    bool word(std::string_view word);
    // Consumes any of `words` (and repeats), e.g. modifiers before a declaration.
    void skipWords(std::initializer_list<std::string_view> words);
    void skipWords(std::span<const std::string_view> words);
    void skipWords(const WordSet& words);
    // Consumes `text` exactly (then spaces).
    bool literal(std::string_view text);
    // An identifier ([A-Za-z_$][A-Za-z0-9_$]*), consumed; empty when there is none.
    std::string_view identifier();
    // Skips a balanced (...) or <...> group starting at the cursor.
    bool skipGroup(char open, char close);

    static bool isIdentifierStart(char c);
    static bool isIdentifierChar(char c);

private:
    std::string_view m_rest;
};

} // namespace builder::localize
