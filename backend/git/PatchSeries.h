#pragma once

// Private to builder_git: includes libgit2.
#include "common/Result.h"

#include <git2.h>

#include <string>

namespace builder::git {

// A range of commits as `git format-patch --stdout from..to` writes it: one mbox
// message per non-merge commit ("From <sha> Mon Sep 17 00:00:00 2001", From, Date,
// "Subject: [PATCH n/m]", the diffstat and the diff with binary content included),
// so that `git am` applies it.
class PatchSeries
{
public:
    // Empty text when the range holds no non-merge commit.
    static common::Result<std::string> format(git_repository* repo, const std::string& fromSha,
                                              const std::string& toSha);
};

} // namespace builder::git
