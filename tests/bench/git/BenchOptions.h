#pragma once

#include <QString>

namespace builder::bench {

// What bench_git_workspace measures and how often.
struct BenchOptions
{
    int files = 5000;
    int runs = 10;     // worktree creations and commits, each side
    int cloneRuns = 5; // cold clones and warm fetches, each side
    QString dir;       // empty: a temporary directory, removed afterwards
    bool keep = false; // keep dir for inspection
};

} // namespace builder::bench
