#pragma once

#include <string>

namespace builder::executor {

// Which cgroup hierarchy builderd can use for the memory and pids limits of
// the sandboxes: v2 (unified), v1 (separate memory and pids hierarchies), or
// none. Run cgroups are created below builderd's own cgroup (or the operator's
// `sandbox_cgroup_parent`), so they stay inside whatever limits builderd has.
class CgroupSupport
{
public:
    enum class Version
    {
        None,
        V1,
        V2
    };

    struct Probe
    {
        Version version = Version::None;
        std::string memoryParent; // directory under which run cgroups are made
        std::string pidsParent;   // same as memoryParent on v2
        bool usable = false;      // both controllers present and writable
        std::string summary;      // e.g. "cgroup v1: memory+pids under /sys/fs/cgroup/..."
        std::string fix;          // what the operator can do when not usable
    };

    // Reads /proc/self/mountinfo and /proc/self/cgroup and tries to create
    // (and remove) a probe cgroup. `parentOverride` is an absolute cgroup path
    // (e.g. "/system.slice/builderd.service/sandboxes") or empty.
    static Probe detect(const std::string& parentOverride = {});

    static const char* versionName(Version version);
};

} // namespace builder::executor
