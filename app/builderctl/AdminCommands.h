#pragma once

#include "CommandSpec.h"
#include "ParsedArgs.h"

#include <string>
#include <vector>

namespace builder::ctl {

class Session;

// The "admin" commands (AdminService, admin token only): the kill switch, the
// audit log, the dead-letter queue and the webhook delivery log.
class AdminCommands
{
public:
    static constexpr const char* kGroup = "admin";

    static std::vector<CommandSpec> specs();
    // "admin killswitch get" -> "admin" "killswitch get": the two-word verbs
    // CommandLine matches as one (also after "help").
    static std::vector<std::string> argsWithVerb(const std::vector<std::string>& args);
    static int run(const std::string& verb, const ParsedArgs& args, Session& session);

    // `admin audit` exits with this when the chain is broken (1: it is an error,
    // like any failed call).
    static constexpr int kBrokenChain = 1;

private:
    static int killSwitchGet(Session& session);
    static int killSwitchSet(const ParsedArgs& args, Session& session, bool engaged);
    static int audit(const ParsedArgs& args, Session& session);
    static int deadLetters(const ParsedArgs& args, Session& session);
    static int requeue(const ParsedArgs& args, Session& session);
    static int webhooks(const ParsedArgs& args, Session& session);
};

} // namespace builder::ctl
