#pragma once

#include "common/Result.h"
#include "executor/SandboxSpec.h"

namespace builder::executor {

// Checks a SandboxSpec before anything runs: a command, an existing workspace
// directory that is not a symlink, a relative cwd inside it, a positive
// timeout and well-formed environment names. Errors name the field.
class SpecCheck
{
public:
    static common::Status validate(const SandboxSpec& spec);
};

} // namespace builder::executor
