#pragma once

#include "common/Result.h"

#include <string>

namespace builder::git {

// Deletes a directory tree without following symbolic links, also when code run
// in the sandbox left read-only directories behind.
class DirectoryRemover
{
public:
    // Succeeds when path no longer exists afterwards (also when it never did).
    static common::Status remove(const std::string& path);
};

} // namespace builder::git
