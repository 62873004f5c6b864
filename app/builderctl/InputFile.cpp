#include "InputFile.h"

#include "UsageError.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace builder::ctl {

common::Result<std::string> InputFile::read(const std::string& option, const std::string& path)
{
    if (path == "-") {
        std::ostringstream content;
        content << std::cin.rdbuf();
        return content.str();
    }
    std::ifstream file(path, std::ios::binary);
    if (!file)
        return usageError("--" + option + ": cannot read '" + path + "': " + std::strerror(errno));
    std::string content{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
    if (file.bad())
        return usageError("--" + option + ": cannot read '" + path + "'");
    return content;
}

} // namespace builder::ctl
