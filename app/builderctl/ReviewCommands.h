#pragma once

#include "CommandSpec.h"
#include "ParsedArgs.h"

#include <string>
#include <vector>

namespace builder::ctl {

class Session;

// `builderctl review --diff FILE`: runs Builder's automated reviewer (secrets,
// security patterns, policy checks, risk score, decision) in-process on any
// unified diff, offline. The exit code tells the decision, so CI can gate
// human-written pull requests on it too. The group's other verbs (diff,
// approve, request-changes, reject) are ReviewDiffCommand and
// ReviewDecisionCommands, dispatched from here.
class ReviewCommands
{
public:
    static constexpr const char* kGroup = "review";

    // Exit codes (documented in shared/docs/review.md); 2 (usage) covers a
    // missing or malformed diff and bad options.
    static constexpr int kApprove = 0;
    static constexpr int kIterate = 10;
    static constexpr int kManualReview = 11;
    static constexpr int kAbort = 12;

    // The offline review is a command without a verb, like `localize`:
    // argsWithVerb() supplies the empty verb word CommandLine expects after
    // "review", unless a verb of the human review (diff, approve,
    // request-changes, reject) follows it.
    static std::vector<CommandSpec> specs();
    static std::vector<std::string> argsWithVerb(const std::vector<std::string>& args);
    static int run(const std::string& verb, const ParsedArgs& args, Session& session);
};

} // namespace builder::ctl
