#pragma once

// Private to builder_git: includes libgit2.
#include "common/Result.h"
#include "git/DiffStat.h"

#include <git2.h>

#include <string>

namespace builder::git {

// A diff between two commits as git shows it: unified text and per-file counts.
class DiffRenderer
{
public:
    // `git diff` text: "diff --git", "index", "---"/"+++", "@@" hunks; binary files
    // as "Binary files a/x and b/x differ".
    static common::Result<std::string> unified(git_repository* repo, const std::string& fromSha,
                                               const std::string& toSha);
    static common::Result<DiffStat> stat(git_repository* repo, const std::string& fromSha,
                                         const std::string& toSha);
    // The text of an already computed diff.
    static common::Result<std::string> text(git_diff* diff);
};

} // namespace builder::git
