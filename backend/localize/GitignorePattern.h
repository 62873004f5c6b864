#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace builder::localize {

// One line of a .gitignore file, as git reads it: '#' comments, '\' escapes,
// trailing spaces dropped unless escaped, '!' negation, a trailing '/' for
// directories only, a '/' at the start or in the middle anchoring the pattern to
// the .gitignore's folder (otherwise it matches a name at any depth), and globs
// '*', '?', '[a-z]', '[!x]', with '**' spanning folders ("**/x", "x/**", "a/**/b").
class GitignorePattern
{
public:
    // Nothing for blank and comment lines.
    static std::optional<GitignorePattern> parse(std::string_view line);

    // `path` is relative to the folder holding the .gitignore, without a leading '/'.
    bool matches(std::string_view path, bool isDirectory) const;

    bool negated() const { return m_negated; }
    bool directoryOnly() const { return m_directoryOnly; }
    bool anchored() const { return m_anchored; }
    const std::string& glob() const { return m_glob; }

    // Glob match of a whole text; '/' is only matched by '/' and by '**'.
    static bool globMatch(std::string_view glob, std::string_view text);

private:
    std::string m_glob;
    bool m_negated = false;
    bool m_directoryOnly = false;
    bool m_anchored = false;
};

} // namespace builder::localize
