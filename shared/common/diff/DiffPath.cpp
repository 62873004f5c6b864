#include "DiffPath.h"

namespace builder::common::diff {

namespace {

bool isOctal(char c)
{
    return c >= '0' && c <= '7';
}

std::string_view trimRight(std::string_view text)
{
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

} // namespace

std::optional<std::string> DiffPath::unquote(std::string_view text, std::size_t& consumed)
{
    if (text.empty() || text[0] != '"')
        return std::nullopt;
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 1; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"') {
            consumed = i + 1;
            return out;
        }
        if (c != '\\') {
            out.push_back(c);
            continue;
        }
        if (++i >= text.size())
            return std::nullopt;
        const char e = text[i];
        switch (e) {
        case 'a':
            out.push_back('\a');
            break;
        case 'b':
            out.push_back('\b');
            break;
        case 't':
            out.push_back('\t');
            break;
        case 'n':
            out.push_back('\n');
            break;
        case 'v':
            out.push_back('\v');
            break;
        case 'f':
            out.push_back('\f');
            break;
        case 'r':
            out.push_back('\r');
            break;
        case '"':
            out.push_back('"');
            break;
        case '\\':
            out.push_back('\\');
            break;
        default:
            // Git writes bytes outside printable ASCII as three octal digits.
            if (i + 2 < text.size() && isOctal(e) && isOctal(text[i + 1]) && isOctal(text[i + 2])) {
                const int value = (e - '0') * 64 + (text[i + 1] - '0') * 8 + (text[i + 2] - '0');
                if (value > 255)
                    return std::nullopt;
                out.push_back(static_cast<char>(value));
                i += 2;
            } else {
                return std::nullopt;
            }
        }
    }
    return std::nullopt;
}

std::optional<std::string> DiffPath::markerName(std::string_view text)
{
    if (!text.empty() && text[0] == '"') {
        std::size_t used = 0;
        return unquote(text, used);
    }
    // Git ends a name containing spaces with a tab; diff -u puts a timestamp after one.
    const auto tab = text.find('\t');
    if (tab != std::string_view::npos)
        text = text.substr(0, tab);
    return std::string(trimRight(text));
}

bool DiffPath::hasGitPrefix(std::string_view name)
{
    if (name.size() < 3 || name[1] != '/')
        return false;
    switch (name[0]) {
    case 'a':
    case 'b':
    case 'c':
    case 'i':
    case 'o':
    case 'w':
        return true;
    default:
        return false;
    }
}

std::string_view DiffPath::stripGitPrefix(std::string_view name)
{
    return hasGitPrefix(name) ? name.substr(2) : name;
}

std::optional<std::pair<std::string, std::string>> DiffPath::gitHeaderNames(std::string_view text)
{
    text = trimRight(text);
    if (text.empty())
        return std::nullopt;
    if (text[0] == '"') {
        std::size_t used = 0;
        auto first = unquote(text, used);
        if (!first || used >= text.size() || text[used] != ' ')
            return std::nullopt;
        const std::string_view rest = text.substr(used + 1);
        if (!rest.empty() && rest[0] == '"') {
            std::size_t used2 = 0;
            auto second = unquote(rest, used2);
            if (!second || used2 != rest.size())
                return std::nullopt;
            return std::make_pair(std::move(*first), std::move(*second));
        }
        return std::make_pair(std::move(*first), std::string(rest));
    }
    if (text.back() == '"') {
        // Unquoted first name, quoted second: the quote opening the second name
        // is the last ' "' that parses to the end.
        for (auto pos = text.rfind(" \""); pos != std::string_view::npos && pos > 0;
             pos = text.rfind(" \"", pos - 1)) {
            std::size_t used = 0;
            auto second = unquote(text.substr(pos + 1), used);
            if (second && pos + 1 + used == text.size())
                return std::make_pair(std::string(text.substr(0, pos)), std::move(*second));
        }
        return std::nullopt;
    }
    // Both unquoted: names may contain spaces, so prefer the split where both
    // sides name the same file (git's own rule for "diff --git" lines).
    std::optional<std::pair<std::string, std::string>> fallback;
    for (std::size_t pos = text.find(' '); pos != std::string_view::npos;
         pos = text.find(' ', pos + 1)) {
        const std::string_view a = text.substr(0, pos);
        const std::string_view b = text.substr(pos + 1);
        if (a.empty() || b.empty())
            continue;
        if (stripGitPrefix(a) == stripGitPrefix(b))
            return std::make_pair(std::string(a), std::string(b));
        if (!fallback && hasGitPrefix(b))
            fallback = std::make_pair(std::string(a), std::string(b));
    }
    return fallback;
}

} // namespace builder::common::diff
