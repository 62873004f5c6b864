#pragma once

#include <string>

namespace builder::ctl {

// One --option a command accepts.
struct OptionSpec
{
    std::string name;      // without the leading dashes
    std::string valueName; // empty for a boolean flag
    std::string help;
    bool repeatable = false;

    bool takesValue() const { return !valueName.empty(); }
};

} // namespace builder::ctl
