#pragma once

#include "FileEdit.h"
#include "RunContext.h"
#include "llm/CompletionRequest.h"

namespace builder::pipeline {

// One model-written change to the worktree: ask for edits, parse them, apply
// them under the path policy, and when some do not fit the current files,
// ask once more with the errors and the files' current text. Nothing is
// written unless every edit applies.
class EditRound
{
public:
    static common::Result<CodeChange> run(RunContext& ctx, const std::string& scope,
                                          const llm::CompletionRequest& request);
};

} // namespace builder::pipeline
