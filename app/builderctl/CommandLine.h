#pragma once

#include "CommandSpec.h"
#include "Invocation.h"
#include "OptionSpec.h"
#include "common/Result.h"

#include <string>
#include <vector>

namespace builder::ctl {

// Parses argv (without the program name) against the global options and the
// command table. Global options may appear anywhere; a command's own options
// only after its words, so "--name" can mean different things per command.
class CommandLine
{
public:
    CommandLine(std::vector<OptionSpec> globals, std::vector<CommandSpec> commands);

    common::Result<Invocation> parse(const std::vector<std::string>& args) const;

    const std::vector<OptionSpec>& globals() const { return m_globals; }
    const std::vector<CommandSpec>& commands() const { return m_commands; }
    const CommandSpec* find(const std::string& group, const std::string& verb) const;
    bool isGroup(const std::string& group) const;
    std::vector<std::string> verbs(const std::string& group) const;

private:
    // Consumes args[i] and its value when it names one of `specs`; false when it
    // names none of them.
    static common::Result<bool> consumeOption(const std::vector<std::string>& args, std::size_t& i,
                                              const std::vector<const OptionSpec*>& specs,
                                              ParsedArgs& out);
    static bool wantsHelp(const std::vector<std::string>& args, std::size_t from);
    common::Result<Invocation> parseCommand(const std::vector<std::string>& args, std::size_t i,
                                            Invocation invocation) const;
    std::string verbList(const std::string& group) const;

    std::vector<OptionSpec> m_globals;
    std::vector<CommandSpec> m_commands;
};

} // namespace builder::ctl
