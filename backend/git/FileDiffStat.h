#pragma once

#include <string>

namespace builder::git {

// One file's share of a diff.
struct FileDiffStat
{
    enum class Change
    {
        Added,
        Modified,
        Deleted,
        Renamed,
        Copied,
        TypeChanged
    };

    std::string path;    // the new path (the old one for a deletion)
    std::string oldPath; // differs from path only for renames and copies
    Change change = Change::Modified;
    int additions = 0; // lines; 0 for binary files
    int deletions = 0;
    bool binary = false;
};

} // namespace builder::git
