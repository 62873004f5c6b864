#pragma once

// Private to builder_git: includes libgit2.
#include "common/Result.h"

#include <git2.h>

#include <string>

namespace builder::git {

// Throws away a step's partial work: `git reset --hard <sha>` followed by
// `git clean -d` (untracked files and emptied folders go; ignored files such as
// build output stay, so the next build is incremental).
class WorkTreeReset
{
public:
    static common::Status resetHard(git_repository* repo, const std::string& sha);
};

} // namespace builder::git
