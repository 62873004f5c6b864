#pragma once

#include <cstdint>

namespace builder::executor {

// Limits of one sandboxed run. Rlimits apply per process; the memory and
// process limits are also enforced for the whole tree by cgroups when the
// machine lets builderd create them (see CgroupSupport).
struct ResourceLimits
{
    std::uint64_t cpuSeconds = 600;                          // RLIMIT_CPU per process
    std::uint64_t memoryBytes = 2048ull * 1024 * 1024;       // cgroup memory limit of the tree
    std::uint64_t addressSpaceBytes = 0;                     // RLIMIT_AS; 0 = automatic (see docs)
    std::uint64_t maxProcesses = 512;                        // cgroup pids.max, else RLIMIT_NPROC
    std::uint64_t fileSizeBytes = 4ull * 1024 * 1024 * 1024; // RLIMIT_FSIZE
    std::uint64_t openFiles = 4096;                          // RLIMIT_NOFILE
    std::uint64_t tmpfsBytes = 1024ull * 1024 * 1024;        // size of the private /tmp and $HOME
};

} // namespace builder::executor
