#pragma once

#include "common/Result.h"

#include <chrono>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

namespace builder::executor {

// Reads what a sandboxed run left in the workspace without trusting it: paths
// never resolve outside the workspace (symlinks to /etc/shadow stay out), only
// regular files are read, sizes are bounded. Globs support `*`, `?`, `[...]`
// within a segment and `**` for any number of directories.
class WorkspaceFiles
{
public:
    struct Match
    {
        std::string path; // relative to the workspace
        std::time_t modified = 0;
        std::uint64_t size = 0;
    };

    // Matches of `pattern` (relative, '/'-separated), sorted, at most `limit`.
    // `.git` is never entered; `node_modules` only when the pattern names it.
    static std::vector<Match> glob(const std::filesystem::path& workspace,
                                   const std::string& pattern, std::size_t limit = 1000);
    static common::Result<std::string> read(const std::filesystem::path& workspace,
                                            const std::string& relative, std::uint64_t maxBytes);
    // Copies a workspace file (same rules) to `target` outside the workspace.
    static common::Status copyOut(const std::filesystem::path& workspace,
                                  const std::string& relative, const std::filesystem::path& target,
                                  std::uint64_t maxBytes);
    // Removes a workspace directory tree without following symlinks.
    static void removeTree(const std::filesystem::path& workspace, const std::string& relative);
};

} // namespace builder::executor
