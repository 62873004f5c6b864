#pragma once

// Private to builder_git: includes libgit2.
#include "common/Result.h"
#include "git/GitHandle.h"

#include <string>

namespace builder::git {

// Commit ids as text and as objects: the one place that parses a caller's SHA.
class CommitResolver
{
public:
    static constexpr std::size_t kShaLength = 40;

    static std::string hex(const git_oid& oid);
    static bool isSha(const std::string& text);

    // A full 40-hex id; InvalidArgument naming field otherwise.
    static common::Result<git_oid> parse(const std::string& sha, const std::string& field);
    // The commit sha names in repo; NotFound when the repository lacks it.
    static common::Result<CommitHandle> lookup(git_repository* repo, const std::string& sha,
                                               const std::string& field);
    static common::Result<CommitHandle> lookup(git_repository* repo, const git_oid& oid);
    // The tree of a commit.
    static common::Result<TreeHandle> treeOf(const git_commit* commit);
};

} // namespace builder::git
