#pragma once

// Private to builder_git: includes libgit2.
#include "common/Result.h"
#include "git/CommitInfo.h"
#include "git/Signature.h"

#include <git2.h>

#include <string>

namespace builder::git {

// Stages every change of a work tree (new, modified, deleted and renamed files;
// ignored files stay out) and commits it on the checked-out branch.
class CommitWriter
{
public:
    // FailedPrecondition "nothing to commit" when the staged tree equals HEAD's;
    // InvalidArgument for an empty message or a malformed signature.
    static common::Result<CommitInfo> commitAll(git_repository* repo, const std::string& message,
                                                const Signature& signature);
};

} // namespace builder::git
