#pragma once

#include "common/Result.h"
#include "executor/ResourceLimits.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace builder::executor {

// Operator settings of the executor. Every key is documented in
// shared/docs/executor.md; `sandbox = none` is the only way to run unsandboxed.
struct ExecutorConfig
{
    std::string sandbox = "bubblewrap"; // "bubblewrap" | "none"
    std::string bwrapPath;              // empty: /usr/bin/bwrap, then $PATH
    std::string sandboxUser = "nobody"; // uid the sandbox runs as when builderd is root
    int maxConcurrent = 5;              // MAX_CONCURRENT_EXECUTIONS
    ResourceLimits limits;
    std::uint64_t outputCapBytes = 16ull * 1024 * 1024;
    std::size_t failureTailBytes = 16 * 1024;
    std::string cgroups = "auto";                // "auto" | "require" | "off"
    std::string cgroupParent;                    // absolute cgroup path, empty = builderd's own
    std::vector<std::string> extraReadOnlyPaths; // more host paths mounted read-only
    std::vector<std::string> protectedPaths;     // never mountable (the data dir, keys)
    // Where the executor keeps its own files (the sandbox's /etc snapshot);
    // builderd sets <data dir>/sandbox. Empty: a private temporary directory.
    std::string stateDir;

    // Applies `key = value` settings (config file or flags); unknown keys and
    // bad values are errors naming the key and the rule.
    common::Status apply(const std::map<std::string, std::string>& settings);
    // Reads the environment variables (SANDBOX_TYPE, SANDBOX_ENABLED,
    // SANDBOX_MEMORY_LIMIT_MB, MAX_CONCURRENT_EXECUTIONS, BUILDER_SANDBOX_*).
    common::Status applyEnvironment();
    // Checks the combination (paths absolute, protected paths, limits > 0).
    common::Status validate() const;

    bool unsandboxed() const { return sandbox == "none"; }
};

} // namespace builder::executor
