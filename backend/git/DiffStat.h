#pragma once

#include "git/FileDiffStat.h"

#include <vector>

namespace builder::git {

// The size of a diff, as `git diff --stat` counts it (renames detected).
struct DiffStat
{
    int files = 0;
    int additions = 0;
    int deletions = 0;
    std::vector<FileDiffStat> perFile; // in path order
};

} // namespace builder::git
