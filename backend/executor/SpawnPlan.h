#pragma once

#include <optional>
#include <string>
#include <sys/resource.h>
#include <sys/types.h>
#include <utility>
#include <vector>

namespace builder::executor {

// Everything the forked child does before exec, prepared in the parent so the
// child (of a multi-threaded process) only makes async-signal-safe calls.
struct SpawnPlan
{
    std::string executable;
    std::vector<std::string> argv;
    std::vector<std::string> envp;               // "NAME=value"
    std::vector<std::pair<int, int>> fds;        // (parent fd, fd number in the child)
    std::vector<std::pair<int, rlim_t>> rlimits; // resource, soft = hard value
    std::vector<std::string> cgroupProcsFiles;   // joined (as "0") before privileges drop
    std::optional<uid_t> uid;                    // drop to this uid/gid (and no groups)
    std::optional<gid_t> gid;
    // Root only: a private mount namespace in which each staged directory is
    // bound at its `target` on a fresh tmpfs at `stagingRoot`, so the
    // unprivileged uid can reach it whatever the modes of its host parents.
    // Each directory is opened again inside the new namespace (a mount of the
    // old one cannot be bound) and must be the same inode as the one checked
    // by the parent.
    struct StagedDirectory
    {
        std::string path;
        dev_t device = 0;
        ino_t inode = 0;
        std::string target; // directly below stagingRoot
    };
    std::vector<StagedDirectory> staged; // at most kMaxStaged
    static constexpr std::size_t kMaxStaged = 4;
    std::string stagingRoot;
    std::string chdirTo = "/";
    bool reaper = false; // see ChildLauncher
};

} // namespace builder::executor
