#pragma once

#include "common/Result.h"

namespace builder::git {

// Process-wide libgit2 initialisation, done once on first use from any thread.
class GitRuntime
{
public:
    // Initialises libgit2 the first time it is called (thread-safe); later calls
    // only report the outcome. Every entry point of builder_git calls it first.
    // libgit2 is shut down once, at process exit.
    static common::Status ensureInitialized();
};

} // namespace builder::git
