#pragma once

#include "executor/ResourceLimits.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace builder::executor {

// What to run in the sandbox. The workspace is the only writable host
// directory; inside bubblewrap it is mounted at Sandbox::kWorkspaceMount.
struct SandboxSpec
{
    std::vector<std::string> argv;          // argv[0] is looked up on the sandbox's PATH
    std::filesystem::path workspace;        // host directory, writable inside
    std::string cwd;                        // relative to the workspace; empty = its root
    std::map<std::string, std::string> env; // added to the minimal environment
    ResourceLimits limits;
    std::chrono::milliseconds timeout{std::chrono::minutes(10)};
    bool allowNetwork = false;                          // admin-only repository setting
    std::uint64_t outputCapBytes = 16ull * 1024 * 1024; // stdout+stderr kept and streamed
    std::size_t tailBytes = 16 * 1024;                  // last output kept in RunResult::outputTail
};

} // namespace builder::executor
