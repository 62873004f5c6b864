#pragma once

#include "common/CancelToken.h"
#include "common/Result.h"
#include "executor/OutputChunk.h"
#include "executor/RunResult.h"
#include "executor/SandboxSpec.h"

#include <string>

namespace builder::executor {

// Runs one command with a writable workspace and nothing else of the host's
// that matters; kills the whole process tree on timeout or cancel.
class Sandbox
{
public:
    // Where the workspace appears inside an isolating sandbox.
    static constexpr const char* kWorkspaceMount = "/workspace";

    virtual ~Sandbox() = default;

    // Errors are for "could not run": the sandbox cannot be set up
    // (FailedPrecondition), bad spec (InvalidArgument), Cancelled (after the
    // tree is gone). A command that fails or times out is a RunResult.
    virtual common::Result<RunResult> run(const SandboxSpec& spec, const OutputSink& sink,
                                          const common::CancelToken& cancel) = 0;

    // One line for reports and events, e.g. "bubblewrap 0.8.0: user,pid,...".
    virtual std::string describe(bool allowNetwork) const = 0;

    // The path of the workspace as the command sees it.
    virtual std::string workspaceInside(const SandboxSpec& spec) const = 0;
};

} // namespace builder::executor
