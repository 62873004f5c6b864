#pragma once

#include "CommandSpec.h"
#include "ParsedArgs.h"

#include <string>
#include <vector>

namespace builder::ctl {

class Session;

// The "feature" commands: their options, and one FeatureService call each
// (events --follow also asks for the execution's state first).
class FeatureCommands
{
public:
    static constexpr const char* kGroup = "feature";

    static std::vector<CommandSpec> specs();
    static int run(const std::string& verb, const ParsedArgs& args, Session& session);

private:
    static int create(const ParsedArgs& args, Session& session);
    static int get(const ParsedArgs& args, Session& session);
    static int search(const ParsedArgs& args, Session& session);
    static int cancel(const ParsedArgs& args, Session& session);
    static int retry(const ParsedArgs& args, Session& session);
    static int events(const ParsedArgs& args, Session& session);
    static int artifacts(const ParsedArgs& args, Session& session);
};

} // namespace builder::ctl
