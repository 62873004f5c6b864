#pragma once

#include "localize/GitignorePattern.h"

#include <string>
#include <string_view>
#include <vector>

namespace builder::localize {

// The .gitignore files of a tree, applied as git does: a deeper file overrides a
// shallower one, a later line overrides an earlier one, and nothing inside an
// ignored folder can be re-included.
class GitignoreMatcher
{
public:
    // Adds the .gitignore that lives in folder `base` ("" for the root, else
    // "a/b", no trailing '/'). Files may be added in any order.
    void add(const std::string& base, std::string_view content);
    // Drops the file added last for `base` (a walker leaving that folder).
    void remove(const std::string& base);

    // This path alone, its parents assumed not ignored: what a walker that skips
    // ignored folders needs.
    bool matches(std::string_view path, bool isDirectory) const;
    // Git's full answer: also true when any parent folder is ignored.
    bool ignored(std::string_view path, bool isDirectory) const;

    std::size_t fileCount() const { return m_files.size(); }

private:
    struct File
    {
        std::string base;
        std::size_t depth = 0;
        std::vector<GitignorePattern> patterns;
    };
    std::vector<File> m_files; // sorted by depth, shallow first
};

} // namespace builder::localize
