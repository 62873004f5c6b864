#pragma once

#include "CommandLine.h"
#include "Environment.h"

#include <ostream>
#include <string>
#include <vector>

namespace builder::ctl {

// The program: parses the command line, prints help or runs one command.
// stdout carries only results, stderr only diagnostics.
class Cli
{
public:
    Cli();

    int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
            const Environment& env) const;

    const CommandLine& commandLine() const { return m_commandLine; }

private:
    int help(const std::vector<std::string>& topic, std::ostream& out, std::ostream& err) const;

    CommandLine m_commandLine;
};

} // namespace builder::ctl
