#pragma once

#include <string>
#include <string_view>

namespace builder::common {

// A repository path pattern as used by allowed_paths, forbidden_paths and the
// reviewer's policy: '/'-separated, relative to the repository root.
//   "docs" or "docs/"  the directory (or file) and everything below it
//   "*.md"             '*' and '?' match within one path segment; a pattern
//                      without '/' is tried against every segment suffix, so
//                      "*.md" matches "README.md" and "docs/guide.md"
//   "src/**/test_*.py" '**' matches any number of whole segments
class PathPattern
{
public:
    explicit PathPattern(std::string pattern);

    bool matches(std::string_view path) const;
    const std::string& text() const { return m_pattern; }

    // Glob over a whole path: '*' and '?' stop at '/', '**' crosses segments.
    static bool glob(std::string_view pattern, std::string_view path);

private:
    std::string m_pattern;
    bool m_literal = false;    // no glob characters: a prefix on segment boundaries
    bool m_anySegment = false; // no '/': may match from any segment
};

} // namespace builder::common
