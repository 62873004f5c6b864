#include "CgroupSupport.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace builder::executor {

namespace {

struct CgroupMount
{
    std::string root;       // the mount's root within the hierarchy
    std::string mountPoint; // where it is mounted
    std::string options;    // super options (v1: the controllers)
};

std::vector<std::string> split(const std::string& text, char separator)
{
    std::vector<std::string> parts;
    std::string part;
    std::istringstream stream(text);
    while (std::getline(stream, part, separator))
        parts.push_back(part);
    return parts;
}

bool hasOption(const std::string& options, const std::string& name)
{
    for (const auto& option : split(options, ','))
        if (option == name)
            return true;
    return false;
}

// mountinfo escapes spaces and friends as \ooo.
std::string unescape(const std::string& text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 3 < text.size()) {
            const std::string octal = text.substr(i + 1, 3);
            if (octal.size() == 3 && octal.find_first_not_of("01234567") == std::string::npos) {
                out += static_cast<char>(std::stoi(octal, nullptr, 8));
                i += 3;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

// fstype "cgroup" or "cgroup2" mounts, from /proc/self/mountinfo.
std::vector<std::pair<std::string, CgroupMount>> cgroupMounts()
{
    std::vector<std::pair<std::string, CgroupMount>> mounts;
    std::ifstream in("/proc/self/mountinfo");
    std::string line;
    while (std::getline(in, line)) {
        const auto dash = line.find(" - ");
        if (dash == std::string::npos)
            continue;
        const auto before = split(line.substr(0, dash), ' ');
        const auto after = split(line.substr(dash + 3), ' ');
        if (before.size() < 5 || after.size() < 3)
            continue;
        if (after[0] != "cgroup" && after[0] != "cgroup2")
            continue;
        mounts.push_back(
            {after[0], CgroupMount{unescape(before[3]), unescape(before[4]), after[2]}});
    }
    return mounts;
}

// This process's cgroup per v1 controller ("memory", "pids") or "" for v2.
std::string ownCgroup(const std::string& controller)
{
    std::ifstream in("/proc/self/cgroup");
    std::string line;
    while (std::getline(in, line)) {
        const auto first = line.find(':');
        const auto second = line.find(':', first + 1);
        if (first == std::string::npos || second == std::string::npos)
            continue;
        const std::string controllers = line.substr(first + 1, second - first - 1);
        const std::string path = line.substr(second + 1);
        if (controller.empty() ? (line.substr(0, first) == "0" && controllers.empty())
                               : hasOption(controllers, controller))
            return path;
    }
    return {};
}

std::string join(const CgroupMount& mount, const std::string& cgroupPath)
{
    std::string relative = cgroupPath;
    if (mount.root != "/" && relative.rfind(mount.root, 0) == 0)
        relative = relative.substr(mount.root.size());
    if (relative.empty() || relative == "/")
        return mount.mountPoint;
    return mount.mountPoint + (relative.front() == '/' ? "" : "/") + relative;
}

std::string readFile(const std::string& path)
{
    std::ifstream in(path);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

bool writeFile(const std::string& path, const std::string& text)
{
    std::ofstream out(path);
    out << text;
    out.flush();
    return static_cast<bool>(out);
}

// A v2 controller file ("memory pids\n") as "memory,pids,".
std::string controllerList(const std::string& path)
{
    std::string csv;
    std::string line = readFile(path);
    line = line.substr(0, line.find('\n'));
    for (const auto& name : split(line, ' '))
        csv += name + ",";
    return csv;
}

// Creates and removes a probe cgroup; "" on success, else the reason.
std::string probeWritable(const std::string& parent)
{
    const std::string probe =
        parent + "/builder-doctor-probe-" + std::to_string(static_cast<long>(getpid()));
    if (mkdir(probe.c_str(), 0755) != 0 && errno != EEXIST)
        return "cannot create a cgroup under " + parent + ": " + std::strerror(errno);
    rmdir(probe.c_str());
    return {};
}

} // namespace

const char* CgroupSupport::versionName(Version version)
{
    switch (version) {
    case Version::V1:
        return "v1";
    case Version::V2:
        return "v2";
    case Version::None:
        break;
    }
    return "none";
}

CgroupSupport::Probe CgroupSupport::detect(const std::string& parentOverride)
{
    Probe probe;
    const auto mounts = cgroupMounts();
    const CgroupMount* unified = nullptr;
    const CgroupMount* memory = nullptr;
    const CgroupMount* pids = nullptr;
    for (const auto& [type, mount] : mounts) {
        if (type == "cgroup2" && !unified)
            unified = &mount;
        if (type == "cgroup" && hasOption(mount.options, "memory") && !memory)
            memory = &mount;
        if (type == "cgroup" && hasOption(mount.options, "pids") && !pids)
            pids = &mount;
    }

    // v2 is used when its hierarchy actually has the controllers (on a hybrid
    // system the unified mount exists but the controllers live in v1).
    if (unified) {
        const std::string own = parentOverride.empty() ? ownCgroup("") : parentOverride;
        const std::string parent = join(*unified, own);
        const std::string controllers = controllerList(parent + "/cgroup.controllers");
        const bool hasMemory = hasOption(controllers, "memory");
        const bool hasPids = hasOption(controllers, "pids");
        if (hasMemory && hasPids) {
            probe.version = Version::V2;
            probe.memoryParent = probe.pidsParent = parent;
            const std::string enabled = controllerList(parent + "/cgroup.subtree_control");
            if ((!hasOption(enabled, "memory") || !hasOption(enabled, "pids")) &&
                !writeFile(parent + "/cgroup.subtree_control", "+memory +pids")) {
                probe.summary = "cgroup v2 at " + parent +
                                ": cannot enable the memory and pids controllers for children "
                                "(the cgroup holds processes or is not delegated)";
                probe.fix = "run builderd in a delegated cgroup (systemd: Delegate=yes) and set "
                            "sandbox_cgroup_parent to an empty cgroup below it";
                return probe;
            }
            if (const auto reason = probeWritable(parent); !reason.empty()) {
                probe.summary = "cgroup v2: " + reason;
                probe.fix = "run builderd as root or in a delegated cgroup (systemd: "
                            "Delegate=yes), or set sandbox_cgroup_parent";
                return probe;
            }
            probe.usable = true;
            probe.summary = "cgroup v2: memory+pids under " + parent;
            return probe;
        }
    }
    if (memory && pids) {
        probe.version = Version::V1;
        probe.memoryParent =
            join(*memory, parentOverride.empty() ? ownCgroup("memory") : parentOverride);
        probe.pidsParent = join(*pids, parentOverride.empty() ? ownCgroup("pids") : parentOverride);
        for (const auto& parent : {probe.memoryParent, probe.pidsParent}) {
            if (const auto reason = probeWritable(parent); !reason.empty()) {
                probe.summary = "cgroup v1: " + reason;
                probe.fix = "run builderd as root, or give its user a writable memory and pids "
                            "cgroup and set sandbox_cgroup_parent";
                return probe;
            }
        }
        probe.usable = true;
        probe.summary =
            "cgroup v1: memory under " + probe.memoryParent + ", pids under " + probe.pidsParent;
        if (unified)
            probe.summary += " (hybrid: the unified hierarchy has no controllers)";
        return probe;
    }
    probe.summary = "no cgroup hierarchy with the memory and pids controllers is mounted";
    probe.fix = "mount cgroup2 on /sys/fs/cgroup (or the v1 memory and pids hierarchies)";
    return probe;
}

} // namespace builder::executor
