#pragma once

#include <string>

namespace builder::git {

// A commit Workspace::commitAll made, with its change against its parent
// (renames detected, so a moved file counts once).
struct CommitInfo
{
    std::string sha;
    int filesChanged = 0;
    int additions = 0;
    int deletions = 0;
};

} // namespace builder::git
