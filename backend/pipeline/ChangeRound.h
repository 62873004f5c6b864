#pragma once

#include "RunContext.h"
#include "llm/CompletionRequest.h"

#include <functional>

namespace builder::pipeline {

// The commit one round of model edits produced (a plan step, a repair, a
// review fix). `sha` equals the previous head when the round changed nothing.
struct RoundCommit
{
    std::string sha;
    std::string summary;
    bool committed = false;
    int filesChanged = 0;
    int additions = 0;
    int deletions = 0;
};

// One journaled unit of code change: reset the worktree to the last journaled
// commit (dropping whatever a crashed run left), apply the model's edits,
// commit them with the configured author, and journal the commit together
// with the caller's events in one transaction. A journaled round is not run
// again: its commit is taken from the journal.
class ChangeRound
{
public:
    using OnCommitted = std::function<void(store::Connection&, const RoundCommit&)>;

    static common::Result<RoundCommit> run(RunContext& ctx, const std::string& key,
                                           const std::string& scope,
                                           const llm::CompletionRequest& request,
                                           const OnCommitted& onCommitted);
    // A journaled round's commit, if the round is done.
    static std::optional<RoundCommit> journaled(RunContext& ctx, const std::string& key);
};

} // namespace builder::pipeline
