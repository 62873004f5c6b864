#pragma once

#include <string>
#include <vector>

namespace builder::git {

// What one WorkspaceJanitor pass did.
struct JanitorReport
{
    std::vector<std::string> removed;  // workspace directories deleted
    std::vector<std::string> failures; // "<path>: <why>" for those that could not be
    int prunedWorktrees = 0;           // stale worktree entries pruned from mirrors
};

} // namespace builder::git
