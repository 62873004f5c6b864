#include "CgroupScope.h"

#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace builder::executor {

namespace {

using common::Error;

std::atomic<unsigned> g_sequence{0};

bool writeFile(const std::string& path, const std::string& text)
{
    std::ofstream out(path);
    if (!out)
        return false;
    out << text;
    out.flush();
    return static_cast<bool>(out);
}

std::string readFile(const std::string& path)
{
    std::ifstream in(path);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::optional<std::uint64_t> readNumber(const std::string& path)
{
    std::ifstream in(path);
    std::uint64_t value = 0;
    if (in >> value)
        return value;
    return std::nullopt;
}

// "key value" lines (memory.events, memory.oom_control).
std::uint64_t keyedValue(const std::string& path, const std::string& key)
{
    std::istringstream lines(readFile(path));
    std::string name;
    std::uint64_t value = 0;
    while (lines >> name >> value)
        if (name == key)
            return value;
    return 0;
}

std::vector<pid_t> members(const std::string& dir)
{
    std::vector<pid_t> pids;
    std::istringstream lines(readFile(dir + "/cgroup.procs"));
    long pid = 0;
    while (lines >> pid)
        pids.push_back(static_cast<pid_t>(pid));
    return pids;
}

} // namespace

common::Result<std::unique_ptr<CgroupScope>> CgroupScope::create(const CgroupSupport::Probe& probe,
                                                                 const ResourceLimits& limits)
{
    if (!probe.usable)
        return Error::failedPrecondition("cgroups unavailable: " + probe.summary);
    std::unique_ptr<CgroupScope> scope(new CgroupScope());
    scope->m_version = probe.version;
    scope->m_memoryLimit = limits.memoryBytes;
    scope->m_pidsLimit = limits.maxProcesses;
    const std::string name = "builder-sandbox-" + std::to_string(static_cast<long>(getpid())) +
                             "-" + std::to_string(g_sequence.fetch_add(1));
    std::vector<std::string> parents = {probe.memoryParent};
    if (probe.version == CgroupSupport::Version::V1)
        parents.push_back(probe.pidsParent);
    for (const auto& parent : parents) {
        const std::string dir = parent + "/" + name;
        if (mkdir(dir.c_str(), 0755) != 0)
            return Error::failedPrecondition("cannot create cgroup " + dir + ": " +
                                             std::strerror(errno));
        scope->m_dirs.push_back(dir);
        scope->m_procsFiles.push_back(dir + "/cgroup.procs");
    }
    scope->m_memoryDir = scope->m_dirs.front();
    const auto set = [](const std::string& file, std::uint64_t value) -> common::Status {
        if (!writeFile(file, std::to_string(value)))
            return Error::failedPrecondition("cannot write " + file + ": " + std::strerror(errno));
        return {};
    };
    common::Status status;
    if (probe.version == CgroupSupport::Version::V2) {
        const std::string& dir = scope->m_memoryDir;
        status = set(dir + "/memory.max", limits.memoryBytes);
        if (status.ok())
            status = set(dir + "/pids.max", limits.maxProcesses);
        // No swap: the limit is a limit. Absent without swap accounting.
        writeFile(dir + "/memory.swap.max", "0");
    } else {
        const std::string& memory = scope->m_dirs[0];
        status = set(memory + "/memory.limit_in_bytes", limits.memoryBytes);
        if (status.ok() && access((memory + "/memory.memsw.limit_in_bytes").c_str(), F_OK) == 0)
            status = set(memory + "/memory.memsw.limit_in_bytes", limits.memoryBytes);
        if (status.ok())
            status = set(scope->m_dirs[1] + "/pids.max", limits.maxProcesses);
    }
    if (!status.ok())
        return status.error();
    return scope;
}

CgroupScope::~CgroupScope()
{
    killAll();
    for (const auto& dir : m_dirs) {
        // A killed task can take a moment to leave; rmdir is refused (EBUSY) until then.
        for (int attempt = 0; attempt < 200 && rmdir(dir.c_str()) != 0 && errno == EBUSY; ++attempt)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

bool CgroupScope::killAll(int waitMs)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(waitMs);
    for (;;) {
        bool any = false;
        for (const auto& dir : m_dirs) {
            if (m_version == CgroupSupport::Version::V2 &&
                access((dir + "/cgroup.kill").c_str(), F_OK) == 0)
                writeFile(dir + "/cgroup.kill", "1");
            for (pid_t pid : members(dir)) {
                any = true;
                kill(pid, SIGKILL);
            }
        }
        if (!any)
            return true;
        if (std::chrono::steady_clock::now() >= deadline)
            return empty();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

bool CgroupScope::empty() const
{
    for (const auto& dir : m_dirs)
        if (!members(dir).empty())
            return false;
    return true;
}

std::optional<std::uint64_t> CgroupScope::peakMemoryBytes() const
{
    if (m_version == CgroupSupport::Version::V2)
        return readNumber(m_memoryDir + "/memory.peak");
    return readNumber(m_memoryDir + "/memory.max_usage_in_bytes");
}

bool CgroupScope::oomKilled() const
{
    if (m_version == CgroupSupport::Version::V2)
        return keyedValue(m_memoryDir + "/memory.events", "oom_kill") > 0;
    return keyedValue(m_memoryDir + "/memory.oom_control", "oom_kill") > 0;
}

std::string CgroupScope::describe() const
{
    return std::string("cgroup ") + CgroupSupport::versionName(m_version) + " memory " +
           std::to_string(m_memoryLimit / (1024 * 1024)) + " MiB, pids " +
           std::to_string(m_pidsLimit);
}

} // namespace builder::executor
