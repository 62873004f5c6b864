#pragma once

#include "common/Result.h"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace builder::executor {

// `.builder.toml` at the repository root: the repository's own build and test
// commands (format in shared/docs/executor.md). A strict TOML subset: tables
// [build], [test], [env]; strings, arrays of strings, integers, booleans;
// comments. Unknown tables or keys are errors naming the line and the key.
struct BuilderToml
{
    static constexpr const char* kFileName = ".builder.toml";
    static constexpr std::uint64_t kMaxBytes = 64 * 1024;

    std::optional<std::vector<std::string>> buildCommands;
    std::optional<std::vector<std::string>> testCommands;
    std::vector<std::string> reports;
    std::vector<std::string> coverage;
    std::map<std::string, std::string> env;

    static common::Result<BuilderToml> parse(std::string_view text);
    // nullopt when the workspace has no .builder.toml.
    static common::Result<std::optional<BuilderToml>> load(const std::filesystem::path& workspace);
};

} // namespace builder::executor
