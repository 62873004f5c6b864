#include "localize/GitignorePattern.h"

namespace builder::localize {

namespace {

// Matches a bracket expression at glob[0] == '[' against c; sets `length` to the
// expression's size. A malformed class (no closing ']') matches a literal '['.
bool matchClass(std::string_view glob, char c, std::size_t& length)
{
    std::size_t i = 1;
    bool negate = false;
    if (i < glob.size() && (glob[i] == '!' || glob[i] == '^')) {
        negate = true;
        ++i;
    }
    bool matched = false;
    bool first = true;
    while (i < glob.size() && (first || glob[i] != ']')) {
        first = false;
        char low = glob[i];
        if (low == '\\' && i + 1 < glob.size())
            low = glob[++i];
        char high = low;
        if (i + 2 < glob.size() && glob[i + 1] == '-' && glob[i + 2] != ']') {
            high = glob[i + 2];
            if (high == '\\' && i + 3 < glob.size()) {
                high = glob[i + 3];
                ++i;
            }
            i += 2;
        }
        if (c >= low && c <= high)
            matched = true;
        ++i;
    }
    if (i >= glob.size()) {
        length = 1;
        return c == '[';
    }
    length = i + 1;
    return c != '/' && matched != negate;
}

} // namespace

std::optional<GitignorePattern> GitignorePattern::parse(std::string_view line)
{
    if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    if (line.empty() || line.front() == '#')
        return std::nullopt;
    // Trailing spaces go unless the last one is escaped.
    while (!line.empty() && line.back() == ' ') {
        if (line.size() >= 2 && line[line.size() - 2] == '\\')
            break;
        line.remove_suffix(1);
    }
    GitignorePattern pattern;
    if (line.front() == '!') {
        pattern.m_negated = true;
        line.remove_prefix(1);
    }
    if (!line.empty() && line.back() == '/' &&
        !(line.size() >= 2 && line[line.size() - 2] == '\\')) {
        pattern.m_directoryOnly = true;
        while (!line.empty() && line.back() == '/')
            line.remove_suffix(1);
    }
    if (line.empty())
        return std::nullopt;
    pattern.m_anchored = line.find('/') != std::string_view::npos;
    if (line.front() == '/')
        line.remove_prefix(1);
    if (line.empty())
        return std::nullopt;
    pattern.m_glob = std::string(line);
    return pattern;
}

bool GitignorePattern::matches(std::string_view path, bool isDirectory) const
{
    if (m_directoryOnly && !isDirectory)
        return false;
    if (m_anchored)
        return globMatch(m_glob, path);
    const auto slash = path.rfind('/');
    return globMatch(m_glob, slash == std::string_view::npos ? path : path.substr(slash + 1));
}

bool GitignorePattern::globMatch(std::string_view glob, std::string_view text)
{
    std::size_t g = 0;
    std::size_t t = 0;
    while (g < glob.size()) {
        const char c = glob[g];
        if (c == '*') {
            const bool doubleStar = g + 1 < glob.size() && glob[g + 1] == '*';
            const bool startsSegment = g == 0 || glob[g - 1] == '/';
            const bool endsSegment =
                g + 2 == glob.size() || (g + 2 < glob.size() && glob[g + 2] == '/');
            if (doubleStar && startsSegment && endsSegment) {
                if (g + 2 == glob.size())
                    return true; // "x/**": everything below
                // "**/" matches zero or more whole folders.
                const std::string_view rest = glob.substr(g + 3);
                for (std::size_t from = t;;) {
                    if (globMatch(rest, text.substr(from)))
                        return true;
                    const auto slash = text.find('/', from);
                    if (slash == std::string_view::npos)
                        return false;
                    from = slash + 1;
                }
            }
            // '*' (or a '**' inside a name): any run without '/'.
            while (g < glob.size() && glob[g] == '*')
                ++g;
            const std::string_view rest = glob.substr(g);
            for (std::size_t end = t;; ++end) {
                if (globMatch(rest, text.substr(end)))
                    return true;
                if (end >= text.size() || text[end] == '/')
                    return false;
            }
        }
        if (t >= text.size())
            return false;
        if (c == '?') {
            if (text[t] == '/')
                return false;
            ++g;
            ++t;
            continue;
        }
        if (c == '[') {
            std::size_t length = 0;
            if (!matchClass(glob.substr(g), text[t], length))
                return false;
            g += length;
            ++t;
            continue;
        }
        char literal = c;
        if (c == '\\' && g + 1 < glob.size())
            literal = glob[++g];
        if (text[t] != literal)
            return false;
        ++g;
        ++t;
    }
    return t == text.size();
}

} // namespace builder::localize
