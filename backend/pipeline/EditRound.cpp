#include "EditRound.h"

#include "EditApplier.h"
#include "PathPolicy.h"
#include "Prompts.h"
#include "StageParsers.h"
#include "llm/StructuredCaller.h"

#include <set>

namespace builder::pipeline {

namespace {

std::string failureText(const std::vector<EditFailure>& failures)
{
    std::string out;
    for (const auto& f : failures)
        out += (out.empty() ? "" : "; ") + f.path + ": " + f.reason;
    return out;
}

} // namespace

common::Result<CodeChange> EditRound::run(RunContext& ctx, const std::string& scope,
                                          const llm::CompletionRequest& request)
{
    const auto& constraints = ctx.spec().constraints();
    PathPolicy policy(ctx.worktreeDir(),
                      {constraints.allowed_paths().begin(), constraints.allowed_paths().end()},
                      {constraints.forbidden_paths().begin(), constraints.forbidden_paths().end()});
    EditApplier applier(policy);
    llm::StructuredCaller caller(ctx.provider(scope));

    llm::CompletionRequest current = request;
    for (int attempt = 0; attempt < 2; ++attempt) {
        auto answer = caller.call(current, ctx.cancel);
        if (!answer.ok())
            return answer.error();
        auto change = StageParsers::codeChange(answer->value);
        if (!change.ok())
            return change.error();
        auto outcome = applier.apply(change->edits);
        if (!outcome.ok())
            return outcome.error(); // a path policy violation: nothing was written
        if (outcome->ok())
            return change;
        if (attempt == 1)
            return common::Error(common::StatusCode::InvalidArgument,
                                 "the model's edits did not apply after a corrective retry: " +
                                     failureText(outcome->failures));
        std::vector<std::string> paths;
        for (const auto& f : outcome->failures)
            paths.push_back(f.path);
        current.messages.push_back({llm::Role::Assistant, answer->json});
        current.messages.push_back(
            {llm::Role::User, Prompts::editCorrection(outcome->failures, ctx.fileContext(paths))});
        (void)ctx.event("step.edits_rejected",
                        std::to_string(outcome->failures.size()) +
                            " edit(s) did not apply; asking the model once more: " +
                            failureText(outcome->failures));
    }
    return common::Error::internal("unreachable");
}

} // namespace builder::pipeline
