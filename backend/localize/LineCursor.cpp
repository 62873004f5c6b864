#include "localize/LineCursor.h"

#include "localize/WordSet.h"

namespace builder::localize {

LineCursor::LineCursor(std::string_view line) : m_rest(line)
{
    skipSpaces();
}

bool LineCursor::isIdentifierStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
}

bool LineCursor::isIdentifierChar(char c)
{
    return isIdentifierStart(c) || (c >= '0' && c <= '9');
}

void LineCursor::skipSpaces()
{
    std::size_t i = 0;
    while (i < m_rest.size() && (m_rest[i] == ' ' || m_rest[i] == '\t' || m_rest[i] == '\r'))
        ++i;
    m_rest.remove_prefix(i);
}

bool LineCursor::word(std::string_view w)
{
    if (m_rest.size() < w.size() || m_rest.substr(0, w.size()) != w)
        return false;
    if (m_rest.size() > w.size() && isIdentifierChar(m_rest[w.size()]))
        return false;
    m_rest.remove_prefix(w.size());
    skipSpaces();
    return true;
}

void LineCursor::skipWords(std::initializer_list<std::string_view> words)
{
    skipWords(std::span<const std::string_view>(words.begin(), words.size()));
}

void LineCursor::skipWords(std::span<const std::string_view> words)
{
    // Read the identifier once and look it up, rather than trying every word.
    while (!m_rest.empty() && isIdentifierStart(m_rest.front())) {
        std::size_t length = 1;
        while (length < m_rest.size() && isIdentifierChar(m_rest[length]))
            ++length;
        const std::string_view id = m_rest.substr(0, length);
        bool known = false;
        for (const auto w : words) {
            if (w.size() == length && w == id) {
                known = true;
                break;
            }
        }
        if (!known)
            return;
        m_rest.remove_prefix(length);
        skipSpaces();
    }
}

void LineCursor::skipWords(const WordSet& words)
{
    while (!m_rest.empty() && isIdentifierStart(m_rest.front())) {
        std::size_t length = 1;
        while (length < m_rest.size() && isIdentifierChar(m_rest[length]))
            ++length;
        if (!words.contains(m_rest.substr(0, length)))
            return;
        m_rest.remove_prefix(length);
        skipSpaces();
    }
}

bool LineCursor::literal(std::string_view text)
{
    if (m_rest.substr(0, text.size()) != text)
        return false;
    m_rest.remove_prefix(text.size());
    skipSpaces();
    return true;
}

std::string_view LineCursor::identifier()
{
    if (m_rest.empty() || !isIdentifierStart(m_rest.front()))
        return {};
    std::size_t i = 1;
    while (i < m_rest.size() && isIdentifierChar(m_rest[i]))
        ++i;
    const std::string_view id = m_rest.substr(0, i);
    m_rest.remove_prefix(i);
    skipSpaces();
    return id;
}

bool LineCursor::skipGroup(char open, char close)
{
    if (m_rest.empty() || m_rest.front() != open)
        return false;
    int depth = 0;
    for (std::size_t i = 0; i < m_rest.size(); ++i) {
        if (m_rest[i] == open)
            ++depth;
        else if (m_rest[i] == close && --depth == 0) {
            m_rest.remove_prefix(i + 1);
            skipSpaces();
            return true;
        }
    }
    return false;
}

} // namespace builder::localize
