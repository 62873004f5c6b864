#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace builder::common::diff {

// File names as patches write them: git's C-style quoting ("a/sp ace\t.txt"
// with \t, \n, \", \\ and octal \303\251 escapes), "a/"/"b/" prefixes,
// /dev/null, and the tab-separated timestamps of plain `diff -u`.
class DiffPath
{
public:
    static constexpr std::string_view kDevNull = "/dev/null";

    // Parses a double-quoted name starting at text[0]; sets `consumed` to the
    // bytes used including both quotes. nullopt when the quoting is broken.
    static std::optional<std::string> unquote(std::string_view text, std::size_t& consumed);

    // The name on a "--- "/"+++ " line (text after the marker): unquoted, with a
    // trailing tab and timestamp removed. nullopt when a quoted name is broken.
    static std::optional<std::string> markerName(std::string_view text);

    // The two names of "diff --git <a> <b>" (text after "diff --git "), quoted or
    // not, prefixes kept. Unquoted names with spaces are split where both halves
    // name the same file. nullopt when no split is possible.
    static std::optional<std::pair<std::string, std::string>> gitHeaderNames(std::string_view text);

    // True for git's one-character prefixes ("a/", "b/", and the mnemonic
    // "c/", "i/", "o/", "w/").
    static bool hasGitPrefix(std::string_view name);
    static std::string_view stripGitPrefix(std::string_view name);
};

} // namespace builder::common::diff
