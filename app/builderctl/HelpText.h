#pragma once

#include "CommandSpec.h"
#include "OptionSpec.h"

#include <string>
#include <vector>

namespace builder::ctl {

// Help screens: the whole program, one command group, one command.
class HelpText
{
public:
    static std::string program(const std::vector<OptionSpec>& globals,
                               const std::vector<CommandSpec>& commands);
    static std::string group(const std::string& group, const std::vector<CommandSpec>& commands);
    static std::string command(const CommandSpec& spec, const std::vector<OptionSpec>& globals);

    static constexpr std::size_t kWidth = 100;

private:
    static void appendOptions(std::string& out, const std::vector<OptionSpec>& options);
    static void appendCommands(std::string& out, const std::vector<CommandSpec>& commands,
                               const std::string& group);
    // Word-wraps `text` to kWidth; continuation lines start at `indent`.
    static std::string wrap(const std::string& text, std::size_t indent, std::size_t firstColumn);
};

} // namespace builder::ctl
