#pragma once

#include "CommandSpec.h"
#include "ParsedArgs.h"

#include <string>
#include <vector>

namespace builder::ctl {

class Session;

// `builderctl review approve|request-changes|reject ID`: a reviewer's decision
// on the diff under review, bound to the head commit they saw (--sha).
class ReviewDecisionCommands
{
public:
    static std::vector<CommandSpec> specs();
    static bool handles(const std::string& verb);
    static int run(const std::string& verb, const ParsedArgs& args, Session& session);

private:
    static int approve(const ParsedArgs& args, Session& session);
    static int requestChanges(const ParsedArgs& args, Session& session);
    static int reject(const ParsedArgs& args, Session& session);
};

} // namespace builder::ctl
