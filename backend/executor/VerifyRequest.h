#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <string>

namespace builder::executor {

// One verification of an execution's worktree: build, then tests.
struct VerifyRequest
{
    std::filesystem::path workspace;    // the execution's worktree (writable inside)
    std::filesystem::path artifactsDir; // where logs and reports go (outside the workspace)
    std::map<std::string, std::string> properties; // repository + feature properties
    bool requireBuild = false;
    bool requireTests = true;
    bool allowNetwork = false;         // admin-only repository setting
    std::chrono::seconds timeout{600}; // for the whole verification
};

} // namespace builder::executor
