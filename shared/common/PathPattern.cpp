#include "PathPattern.h"

namespace builder::common {

PathPattern::PathPattern(std::string pattern) : m_pattern(std::move(pattern))
{
    while (m_pattern.size() > 1 && m_pattern.back() == '/')
        m_pattern.pop_back();
    while (m_pattern.rfind("./", 0) == 0)
        m_pattern.erase(0, 2);
    m_literal = m_pattern.find_first_of("*?[") == std::string::npos;
    m_anySegment = !m_literal && m_pattern.find('/') == std::string::npos;
}

bool PathPattern::matches(std::string_view path) const
{
    if (m_pattern.empty())
        return false;
    if (m_literal) {
        if (path.size() < m_pattern.size() || path.compare(0, m_pattern.size(), m_pattern) != 0)
            return false;
        return path.size() == m_pattern.size() || path[m_pattern.size()] == '/';
    }
    if (glob(m_pattern, path))
        return true;
    if (m_anySegment) {
        for (std::size_t slash = path.find('/'); slash != std::string_view::npos;
             slash = path.find('/', slash + 1))
            if (glob(m_pattern, path.substr(slash + 1)))
                return true;
    }
    // "src/*" also covers what lies below a matched directory.
    for (std::size_t slash = path.find('/'); slash != std::string_view::npos;
         slash = path.find('/', slash + 1))
        if (glob(m_pattern, path.substr(0, slash)))
            return true;
    return false;
}

bool PathPattern::glob(std::string_view p, std::string_view s)
{
    std::size_t pi = 0;
    std::size_t si = 0;
    while (pi < p.size()) {
        if (p.compare(pi, 2, "**") == 0) {
            // "**/" matches zero or more whole segments; a trailing "**" matches the rest.
            std::size_t next = pi + 2;
            if (next < p.size() && p[next] == '/')
                ++next;
            if (next >= p.size())
                return true;
            for (std::size_t at = si;;) {
                if (glob(p.substr(next), s.substr(at)))
                    return true;
                const auto slash = s.find('/', at);
                if (slash == std::string_view::npos)
                    return false;
                at = slash + 1;
            }
        }
        const char c = p[pi];
        if (c == '*') {
            // Any run of characters within this segment.
            for (std::size_t end = si;; ++end) {
                if (glob(p.substr(pi + 1), s.substr(end)))
                    return true;
                if (end >= s.size() || s[end] == '/')
                    return false;
            }
        }
        if (si >= s.size())
            return false;
        if (c == '?') {
            if (s[si] == '/')
                return false;
        } else if (c == '[') {
            const auto close = p.find(']', pi + 1);
            if (close == std::string_view::npos) {
                if (s[si] != '[')
                    return false;
            } else {
                bool negate = pi + 1 < close && (p[pi + 1] == '!' || p[pi + 1] == '^');
                bool hit = false;
                for (std::size_t k = pi + 1 + (negate ? 1 : 0); k < close; ++k) {
                    if (k + 2 < close && p[k + 1] == '-') {
                        hit = hit || (s[si] >= p[k] && s[si] <= p[k + 2]);
                        k += 2;
                    } else {
                        hit = hit || s[si] == p[k];
                    }
                }
                if (hit == negate || s[si] == '/')
                    return false;
                pi = close + 1;
                ++si;
                continue;
            }
        } else if (c != s[si]) {
            return false;
        }
        ++pi;
        ++si;
    }
    return si == s.size();
}

} // namespace builder::common
