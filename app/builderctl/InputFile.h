#pragma once

#include "common/Result.h"

#include <string>

namespace builder::ctl {

// Reads the file an option names; "-" means standard input so secrets and long
// texts can be piped in without touching the disk.
class InputFile
{
public:
    static common::Result<std::string> read(const std::string& option, const std::string& path);
};

} // namespace builder::ctl
