#pragma once

#include "OptionSpec.h"

#include <cstddef>
#include <string>
#include <vector>

namespace builder::ctl {

// One "group verb" command: its positionals, options and help text.
struct CommandSpec
{
    std::string group;       // "repo"
    std::string verb;        // "list"
    std::string synopsis;    // arguments after the command words, for the usage line
    std::string summary;     // one line in the command list
    std::string description; // paragraphs for --help
    std::size_t minPositionals = 0;
    std::size_t maxPositionals = 0;
    std::vector<OptionSpec> options;

    std::string name() const { return group + " " + verb; }
};

} // namespace builder::ctl
