#pragma once

#include "CommandSpec.h"
#include "ParsedArgs.h"

#include <string>
#include <vector>

namespace builder::ctl {

// What the command line asks for: a command to run, or help, or the version.
struct Invocation
{
    const CommandSpec* command = nullptr; // set when a command is to run
    ParsedArgs args;
    bool help = false;
    bool version = false;
    std::vector<std::string> helpTopic; // command words the help is about
};

} // namespace builder::ctl
