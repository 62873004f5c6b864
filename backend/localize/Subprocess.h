#pragma once

#include "common/Result.h"

#include <string>
#include <vector>

namespace builder::localize {

// Runs a program to completion without a shell: feeds `input` to its stdin from a
// second thread (so a child that writes while it reads never deadlocks), collects
// stdout, discards stderr. Used for ctags; nothing here is specific to it.
class Subprocess
{
public:
    struct Output
    {
        int exitCode = -1; // -1 when killed by a signal
        std::string out;
    };

    // `argv[0]` is looked up on PATH. Errors: NotFound when the program cannot be
    // started, Internal for pipe failures.
    static common::Result<Output> run(const std::vector<std::string>& argv,
                                      const std::string& input, const std::string& workingDir);
};

} // namespace builder::localize
