#pragma once

#include "CommandSpec.h"
#include "ParsedArgs.h"

#include <string>
#include <vector>

namespace builder::ctl {

class LocalizeSource;
class Session;

// `builderctl localize`: the files a spec touches, ranked, with the symbols that
// matched and what showing them to an LLM costs in tokens. Offline: it runs the
// localizer in-process on a local folder and never needs builderd.
class LocalizeCommands
{
public:
    static constexpr const char* kGroup = "localize";

    // One command without a verb: CommandLine knows "group verb" commands only,
    // so the spec's verb is empty and argsWithVerb() supplies the empty word.
    static std::vector<CommandSpec> specs();
    // `args` with an empty verb after a leading "localize" (global options may
    // come first); other command lines are returned unchanged.
    static std::vector<std::string> argsWithVerb(const std::vector<std::string>& args);
    static int run(const std::string& verb, const ParsedArgs& args, Session& session);
    // The command with the answer coming from `source` (tests, remote variants).
    static int run(const ParsedArgs& args, Session& session, LocalizeSource& source);
};

} // namespace builder::ctl
