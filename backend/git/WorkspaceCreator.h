#pragma once

#include "common/Result.h"

#include <string>

namespace builder::git {

// Makes a workspace: a repository of its own at the target directory whose object
// database borrows the mirror's objects (objects/info/alternates), with branch
// branchName created at baseRef, checked out, and refs/builder/base recording
// where it started. Built in a scratch directory and published by one rename.
class WorkspaceCreator
{
public:
    static constexpr const char* kBaseRef = "refs/builder/base";

    static common::Status create(const std::string& mirrorPath, const std::string& worktreeDir,
                                 const std::string& branchName, const std::string& baseRef);
};

} // namespace builder::git
