#pragma once

#include "common/Result.h"
#include "executor/CgroupSupport.h"
#include "executor/ResourceLimits.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace builder::executor {

// The cgroup(s) of one sandboxed run: memory and pids limits for the whole
// tree, a way to kill everything in it, and its peak memory. Removed on
// destruction after every process in it is gone.
class CgroupScope
{
public:
    static common::Result<std::unique_ptr<CgroupScope>> create(const CgroupSupport::Probe& probe,
                                                               const ResourceLimits& limits);
    ~CgroupScope();
    CgroupScope(const CgroupScope&) = delete;
    CgroupScope& operator=(const CgroupScope&) = delete;

    // The files a process writes "0" to in order to join (one per hierarchy).
    const std::vector<std::string>& procsFiles() const { return m_procsFiles; }
    // SIGKILLs every member until none is left (bounded by `waitMs`); true when empty.
    bool killAll(int waitMs = 2000);
    bool empty() const;
    std::optional<std::uint64_t> peakMemoryBytes() const;
    bool oomKilled() const;
    std::string describe() const;

private:
    CgroupScope() = default;

    CgroupSupport::Version m_version = CgroupSupport::Version::None;
    std::vector<std::string> m_dirs; // v1: memory and pids; v2: one
    std::vector<std::string> m_procsFiles;
    std::string m_memoryDir;
    std::uint64_t m_memoryLimit = 0;
    std::uint64_t m_pidsLimit = 0;
};

} // namespace builder::executor
