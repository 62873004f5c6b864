#pragma once

#include <string>

namespace builder::git {

// Drops the metadata (<mirror>/worktrees/<name>) of linked worktrees whose
// directories no longer exist, as `git worktree prune` does; locked ones stay.
class WorktreePruner
{
public:
    // Returns how many entries were pruned; repositories that cannot be opened
    // count as none.
    static int prune(const std::string& repositoryPath);
};

} // namespace builder::git
