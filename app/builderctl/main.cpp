#include "builderctl/Cli.h"
#include "builderctl/Environment.h"
#include "builderctl/Interrupt.h"

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv)
{
    // Before anything starts a thread: the signal mask is inherited.
    builder::ctl::Interrupt::instance().install();
    const std::vector<std::string> args(argv + 1, argv + argc);
    const builder::ctl::Cli cli;
    return cli.run(args, std::cout, std::cerr, builder::ctl::Environment::system());
}
