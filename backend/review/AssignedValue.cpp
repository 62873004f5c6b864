#include "AssignedValue.h"

namespace builder::review {

namespace {

bool isQuote(char c)
{
    return c == '"' || c == '\'' || c == '`';
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t';
}

bool isLetter(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

} // namespace

bool AssignedValue::isKeyChar(char c)
{
    return isLetter(c) || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
}

std::string_view AssignedValue::keyName(std::string_view line, std::size_t begin, std::size_t end)
{
    while (begin > 0 && isKeyChar(line[begin - 1]))
        --begin;
    while (end < line.size() && isKeyChar(line[end]))
        ++end;
    return line.substr(begin, end - begin);
}

std::optional<AssignedValue::Span> AssignedValue::after(std::string_view line, std::size_t keyEnd)
{
    const std::size_t n = line.size();
    std::size_t p = keyEnd;
    while (p < n && isKeyChar(line[p]))
        ++p;
    if (p < n && (isQuote(line[p]) || line[p] == ']'))
        ++p;
    if (p < n && line[p] == ']')
        ++p;
    while (p < n && isSpace(line[p]))
        ++p;
    if (p >= n)
        return std::nullopt;
    if (line.compare(p, 2, "==") == 0 || line.compare(p, 2, "!=") == 0)
        return std::nullopt;
    if (line.compare(p, 2, ":=") == 0 || line.compare(p, 2, "=>") == 0 ||
        line.compare(p, 2, "?=") == 0 || line.compare(p, 2, "+=") == 0) {
        p += 2;
    } else if (line[p] == '=' || line[p] == ',') {
        ++p;
    } else if (line[p] == ':') {
        ++p;
        // Typed declarations: `val key: String = "..."`, `key: str = "..."`.
        std::size_t q = p;
        while (q < n && isSpace(line[q]))
            ++q;
        std::size_t typeEnd = q;
        while (typeEnd < n && (isLetter(line[typeEnd]) || line[typeEnd] == '?'))
            ++typeEnd;
        std::size_t eq = typeEnd;
        while (eq < n && isSpace(line[eq]))
            ++eq;
        if (typeEnd > q && eq < n && line[eq] == '=' && line.compare(eq, 2, "==") != 0)
            p = eq + 1;
    } else {
        return std::nullopt;
    }
    while (p < n && isSpace(line[p]))
        ++p;
    if (p >= n)
        return std::nullopt;
    Span span;
    if (isQuote(line[p])) {
        span.quote = line[p];
        ++p;
        const auto close = line.find(span.quote, p);
        span.begin = p;
        span.end = close == std::string_view::npos ? n : close;
    } else {
        span.begin = p;
        std::size_t e = p;
        while (e < n && !isSpace(line[e]) && !isQuote(line[e]) && line[e] != ';' &&
               line[e] != ',' && line[e] != ')' && line[e] != '#')
            ++e;
        span.end = e;
    }
    if (span.end <= span.begin)
        return std::nullopt;
    return span;
}

} // namespace builder::review
