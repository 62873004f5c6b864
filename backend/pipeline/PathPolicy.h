#pragma once

#include "common/PathGlob.h"
#include "common/Result.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace builder::pipeline {

// The rule every edit passes before it touches the worktree: a normalised
// relative path inside the worktree, never under .git, within allowed_paths,
// outside forbidden_paths, and no symlink on the way that leads outside.
// Errors are PermissionDenied with a message naming the path and the rule.
class PathPolicy
{
public:
    PathPolicy(std::filesystem::path root, const std::vector<std::string>& allowed,
               const std::vector<std::string>& forbidden);

    // The normalised relative path ("src/a.c"), or the violation.
    common::Result<std::string> check(const std::string& path) const;
    const std::filesystem::path& root() const { return m_root; }

    // Lexical normalisation only: "./a//b/../c" -> "a/c"; empty when the path
    // climbs above the root.
    static std::optional<std::string> normalise(const std::string& path);

private:
    common::Error violation(const std::string& path, const std::string& rule) const;

    std::filesystem::path m_root;
    std::filesystem::path m_canonicalRoot;
    std::vector<std::string> m_allowed;
    std::vector<std::string> m_forbidden;
};

} // namespace builder::pipeline
