#pragma once

#include "RunContext.h"

namespace builder::pipeline {

// ANALYZING, first: the repository's mirror is fetched (or cloned) and the
// execution gets its own worktree on its feature branch from the target
// branch. The base commit is journaled, so a resumed run reopens (or
// recreates) the same worktree from the same base.
class WorkspaceStage
{
public:
    static common::Status run(RunContext& ctx);
};

} // namespace builder::pipeline
