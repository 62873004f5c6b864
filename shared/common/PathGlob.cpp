#include "PathGlob.h"

#include <string>

namespace builder::common {

namespace {

std::string_view trimPrefix(std::string_view text)
{
    while (text.substr(0, 2) == "./")
        text.remove_prefix(2);
    while (!text.empty() && text.front() == '/')
        text.remove_prefix(1);
    return text;
}

bool match(std::string_view p, std::string_view t, int depth)
{
    if (depth > 64)
        return false;
    while (!p.empty()) {
        if (p.substr(0, 2) == "**") {
            std::string_view rest = p.substr(2);
            if (!rest.empty() && rest.front() == '/')
                rest.remove_prefix(1);
            if (rest.empty())
                return true;
            for (std::size_t i = 0; i <= t.size(); ++i) {
                if ((i == 0 || t[i - 1] == '/') && match(rest, t.substr(i), depth + 1))
                    return true;
            }
            return false;
        }
        if (p.front() == '*') {
            const std::string_view rest = p.substr(1);
            for (std::size_t i = 0; i <= t.size(); ++i) {
                if (match(rest, t.substr(i), depth + 1))
                    return true;
                if (i < t.size() && t[i] == '/')
                    break;
            }
            return false;
        }
        if (t.empty())
            return false;
        if (p.front() == '[') {
            // A character class ([abc], [a-z], [!0-9]); never matches '/'.
            const auto close = p.find(']', 2);
            if (close != std::string_view::npos) {
                const bool negate = p[1] == '!' || p[1] == '^';
                bool hit = false;
                for (std::size_t k = negate ? 2 : 1; k < close; ++k) {
                    if (k + 2 < close && p[k + 1] == '-') {
                        hit = hit || (t.front() >= p[k] && t.front() <= p[k + 2]);
                        k += 2;
                    } else {
                        hit = hit || t.front() == p[k];
                    }
                }
                if (hit == negate || t.front() == '/')
                    return false;
                p.remove_prefix(close + 1);
                t.remove_prefix(1);
                continue;
            }
        }
        if (p.front() == '?') {
            if (t.front() == '/')
                return false;
        } else if (p.front() != t.front()) {
            return false;
        }
        p.remove_prefix(1);
        t.remove_prefix(1);
    }
    return t.empty();
}

} // namespace

bool PathGlob::globMatch(std::string_view pattern, std::string_view text)
{
    return match(pattern, text, 0);
}

bool PathGlob::matches(std::string_view pattern, std::string_view path)
{
    path = trimPrefix(path);
    const bool anchored = !pattern.empty() && pattern.front() == '/';
    pattern = trimPrefix(pattern);
    while (!pattern.empty() && pattern.back() == '/')
        pattern.remove_suffix(1);
    if (pattern.empty() || path.empty())
        return false;
    if (!anchored && pattern.find('/') == std::string_view::npos) {
        // Any component of the path.
        std::size_t begin = 0;
        while (begin <= path.size()) {
            const auto slash = path.find('/', begin);
            const std::string_view component = path.substr(
                begin, slash == std::string_view::npos ? std::string_view::npos : slash - begin);
            if (globMatch(pattern, component))
                return true;
            if (slash == std::string_view::npos)
                break;
            begin = slash + 1;
        }
        return false;
    }
    // The whole path, or a folder prefix of it.
    if (globMatch(pattern, path))
        return true;
    for (auto slash = path.find('/'); slash != std::string_view::npos;
         slash = path.find('/', slash + 1)) {
        if (globMatch(pattern, path.substr(0, slash)))
            return true;
    }
    return false;
}

} // namespace builder::common
