#include "localize/SourceWords.h"

#include "localize/WordSet.h"

#include <algorithm>
#include <array>

namespace builder::localize {

namespace {

const WordSet& controlWords()
{
    static const WordSet kWords = {
        "if",       "for",           "while",   "switch",   "return",   "else",  "catch",  "do",
        "throw",    "case",          "sizeof",  "delete",   "new",      "await", "yield",  "typeof",
        "using",    "goto",          "defined", "elif",     "foreach",  "lock",  "when",   "assert",
        "decltype", "static_assert", "alignof", "noexcept", "not",      "and",   "or",     "in",
        "is",       "print",         "echo",    "operator", "template", "emit",  "Q_EMIT", "unless",
        "until"};
    return kWords;
}

} // namespace

bool SourceWords::isControlWord(std::string_view word)
{
    return controlWords().contains(word);
}

std::string_view SourceWords::trimRight(std::string_view text)
{
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
        text.remove_suffix(1);
    return text;
}

std::string_view SourceWords::trailingIdentifier(std::string_view text)
{
    std::size_t i = text.size();
    while (i > 0 && LineCursor::isIdentifierChar(text[i - 1]))
        --i;
    const std::string_view id = text.substr(i);
    if (id.empty() || !LineCursor::isIdentifierStart(id.front()))
        return {};
    return id;
}

void SourceWords::skipAnnotations(LineCursor& cursor)
{
    while (true) {
        if (cursor.peek() == '@') {
            cursor.literal("@");
            cursor.identifier();
            while (cursor.literal("."))
                cursor.identifier();
            cursor.skipGroup('(', ')');
        } else if (cursor.peek() == '[') {
            if (!cursor.skipGroup('[', ']'))
                return;
        } else {
            return;
        }
    }
}

bool SourceWords::isAllCaps(std::string_view name)
{
    bool letter = false;
    for (const char c : name) {
        if (c >= 'A' && c <= 'Z')
            letter = true;
        else if (!(c >= '0' && c <= '9') && c != '_')
            return false;
    }
    return letter && name.size() >= 2;
}

SymbolKind SourceWords::callableKind(std::size_t indent)
{
    return indent > 0 ? SymbolKind::Method : SymbolKind::Function;
}

void SourceWords::add(std::vector<Symbol>& out, std::string_view name, SymbolKind kind,
                      std::uint32_t line)
{
    if (!name.empty())
        out.push_back({std::string(name), kind, line});
}

} // namespace builder::localize
