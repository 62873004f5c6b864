#pragma once

// Private to builder_git: includes libgit2.
#include "common/Result.h"
#include "git/GitHandle.h"

#include <string>

namespace builder::git {

// Tree-to-tree diffs the way git shows them: 3 lines of context, renames found
// (50% similarity, as git's default). The one place diff options are chosen.
class DiffBuilder
{
public:
    enum class Binary
    {
        Marked,   // "Binary files a/x and b/x differ", for people
        Included, // full index and a "GIT binary patch", for git apply / git am
    };

    // from may be null (the empty tree, for a root commit).
    static common::Result<DiffHandle> between(git_repository* repo, const git_tree* from,
                                              const git_tree* to, Binary binary = Binary::Marked);
    // Between two commits of the repository, given as full ids.
    static common::Result<DiffHandle> between(git_repository* repo, const std::string& fromSha,
                                              const std::string& toSha,
                                              Binary binary = Binary::Marked);
};

} // namespace builder::git
