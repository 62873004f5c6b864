#pragma once

// Private to builder_git: includes libgit2.
#include "common/Result.h"
#include "git/CommitSummary.h"

#include <git2.h>

#include <string>
#include <vector>

namespace builder::git {

// The commits of a range, as `git log --reverse --topo-order from..to` lists them.
class CommitHistory
{
public:
    // Commits reachable from toSha and not from fromSha, oldest first.
    static common::Result<std::vector<CommitSummary>>
    between(git_repository* repo, const std::string& fromSha, const std::string& toSha);
};

} // namespace builder::git
