#pragma once

// Private to builder_git: includes libgit2.
#include "common/Result.h"
#include "git/GitHandle.h"

#include <string>

namespace builder::git {

// Opens exactly the repository at a path (never one found by searching upwards:
// a folder inside a repository is not that repository).
class RepositoryOpener
{
public:
    // A bare repository (a mirror). what names it in errors ("mirror").
    // Errors: NotFound (no such path), FailedPrecondition (not a bare repository).
    static common::Result<RepositoryHandle> bare(const std::string& path, const std::string& what);
    // A repository with a work tree (a workspace); same errors.
    static common::Result<RepositoryHandle> workTree(const std::string& path,
                                                     const std::string& what);
    // Either kind.
    static common::Result<RepositoryHandle> any(const std::string& path, const std::string& what);
};

} // namespace builder::git
