#pragma once

#include "common/Result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace builder::localize {

// A file found by walking a folder that is not a git work tree.
struct WalkedFile
{
    std::string path; // relative, '/'-separated
    std::uint64_t size = 0;
    std::int64_t mtimeNanoseconds = 0;
    bool symlink = false;
};

// Lists a plain folder the way `git ls-files --others --exclude-standard` would:
// honours every .gitignore on the way down, never enters .git, does not follow
// symbolic links (they are listed as files). Sorted by path.
class DirectoryWalker
{
public:
    // Errors: NotFound when `root` is not a folder.
    static common::Result<std::vector<WalkedFile>> walk(const std::string& root);
};

} // namespace builder::localize
