#include "ExecutorConfig.h"

#include "common/SettingText.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>

namespace builder::executor {

namespace {

using common::Error;

common::Result<std::uint64_t> parsePositive(const std::string& key, const std::string& value,
                                            std::uint64_t max)
{
    std::uint64_t number = 0;
    std::size_t used = 0;
    try {
        if (value.empty() || value[0] == '-')
            throw std::invalid_argument("sign");
        number = std::stoull(value, &used);
    } catch (...) {
        used = 0;
    }
    if (used != value.size() || used == 0 || number == 0 || number > max)
        return Error::invalid(key, "uint64.range",
                              key + " must be an integer from 1 to " + std::to_string(max) +
                                  " (got \"" + value + "\")");
    return number;
}

std::vector<std::string> splitList(const std::string& value)
{
    std::vector<std::string> items;
    std::stringstream stream(value);
    std::string item;
    while (std::getline(stream, item, ':'))
        if (!item.empty())
            items.push_back(item);
    return items;
}

bool isInside(const std::filesystem::path& path, const std::filesystem::path& base)
{
    auto p = path.lexically_normal();
    auto b = base.lexically_normal();
    auto mismatch = std::mismatch(b.begin(), b.end(), p.begin(), p.end());
    return mismatch.first == b.end() ||
           (std::next(mismatch.first) == b.end() && mismatch.first->empty());
}

constexpr std::uint64_t kMiB = 1024 * 1024;

} // namespace

common::Status ExecutorConfig::apply(const std::map<std::string, std::string>& settings)
{
    for (const auto& [key, value] : settings) {
        if (key == "sandbox") {
            if (value != "bubblewrap" && value != "none")
                return Error::invalid(key, "string.in",
                                      "sandbox must be \"bubblewrap\" or \"none\" (got \"" + value +
                                          "\")");
            sandbox = value;
        } else if (key == "sandbox_bwrap") {
            bwrapPath = value;
        } else if (key == "sandbox_user") {
            if (value.empty())
                return Error::invalid(key, "string.min_len", "sandbox_user must not be empty");
            sandboxUser = value;
        } else if (key == "max_concurrent_executions") {
            auto n = parsePositive(key, value, 1024);
            if (!n.ok())
                return n.error();
            maxConcurrent = static_cast<int>(*n);
        } else if (key == "sandbox_memory_limit_mb") {
            auto n = parsePositive(key, value, 1024 * 1024);
            if (!n.ok())
                return n.error();
            limits.memoryBytes = *n * kMiB;
        } else if (key == "sandbox_address_space_mb") {
            auto n = parsePositive(key, value, 1024 * 1024 * 1024);
            if (!n.ok())
                return n.error();
            limits.addressSpaceBytes = *n * kMiB;
        } else if (key == "sandbox_cpu_seconds") {
            auto n = parsePositive(key, value, 7 * 24 * 3600);
            if (!n.ok())
                return n.error();
            limits.cpuSeconds = *n;
        } else if (key == "sandbox_max_processes") {
            auto n = parsePositive(key, value, 1'000'000);
            if (!n.ok())
                return n.error();
            limits.maxProcesses = *n;
        } else if (key == "sandbox_max_file_mb") {
            auto n = parsePositive(key, value, 1024 * 1024 * 1024);
            if (!n.ok())
                return n.error();
            limits.fileSizeBytes = *n * kMiB;
        } else if (key == "sandbox_open_files") {
            auto n = parsePositive(key, value, 1'048'576);
            if (!n.ok())
                return n.error();
            limits.openFiles = *n;
        } else if (key == "sandbox_tmpfs_mb") {
            auto n = parsePositive(key, value, 1024 * 1024);
            if (!n.ok())
                return n.error();
            limits.tmpfsBytes = *n * kMiB;
        } else if (key == "sandbox_output_cap_mb") {
            auto n = parsePositive(key, value, 4096);
            if (!n.ok())
                return n.error();
            outputCapBytes = *n * kMiB;
        } else if (key == "sandbox_cgroups") {
            if (value != "auto" && value != "require" && value != "off")
                return Error::invalid(key, "string.in",
                                      "sandbox_cgroups must be auto, require or off (got \"" +
                                          value + "\")");
            cgroups = value;
        } else if (key == "sandbox_cgroup_parent") {
            cgroupParent = value;
        } else if (key == "sandbox_read_only_paths") {
            extraReadOnlyPaths = splitList(value);
        } else {
            return Error::invalid(key, "key.known", "unknown executor setting \"" + key + "\"");
        }
    }
    return validate();
}

common::Status ExecutorConfig::applyEnvironment()
{
    std::map<std::string, std::string> settings;
    const auto take = [&settings](const char* variable, const char* key) {
        if (const char* value = std::getenv(variable); value && *value)
            settings[key] = value;
    };
    take("SANDBOX_TYPE", "sandbox");
    take("MAX_CONCURRENT_EXECUTIONS", "max_concurrent_executions");
    take("SANDBOX_MEMORY_LIMIT_MB", "sandbox_memory_limit_mb");
    take("BUILDER_SANDBOX_BWRAP", "sandbox_bwrap");
    take("BUILDER_SANDBOX_USER", "sandbox_user");
    take("BUILDER_SANDBOX_CGROUPS", "sandbox_cgroups");
    take("BUILDER_SANDBOX_CGROUP_PARENT", "sandbox_cgroup_parent");
    take("BUILDER_SANDBOX_READ_ONLY_PATHS", "sandbox_read_only_paths");
    // SANDBOX_ENABLED=false alone does not switch the sandbox off: running
    // unsandboxed must be spelled out as SANDBOX_TYPE=none.
    if (const char* enabled = std::getenv("SANDBOX_ENABLED"); enabled && *enabled) {
        const auto flag = common::SettingText::boolean(enabled);
        if (!flag)
            return Error::invalid("SANDBOX_ENABLED", "bool",
                                  "SANDBOX_ENABLED must be true or false (got \"" +
                                      std::string(enabled) + "\")");
        if (!*flag && settings["sandbox"] != "none")
            return Error::invalid("SANDBOX_ENABLED", "sandbox.explicit_none",
                                  "SANDBOX_ENABLED=false also needs SANDBOX_TYPE=none: "
                                  "running unsandboxed must be explicit");
    }
    if (const auto it = settings.find("sandbox"); it != settings.end() && it->second == "docker")
        return Error::invalid("SANDBOX_TYPE", "string.in",
                              "SANDBOX_TYPE=docker is not supported: builderd sandboxes with "
                              "bubblewrap (SANDBOX_TYPE=bubblewrap) or, explicitly, none");
    return apply(settings);
}

common::Status ExecutorConfig::validate() const
{
    if (maxConcurrent < 1)
        return Error::invalid("max_concurrent_executions", "int32.gte",
                              "max_concurrent_executions must be at least 1");
    if (!bwrapPath.empty() && bwrapPath.front() != '/')
        return Error::invalid("sandbox_bwrap", "path.absolute",
                              "sandbox_bwrap must be an absolute path");
    if (!cgroupParent.empty() && cgroupParent.front() != '/')
        return Error::invalid("sandbox_cgroup_parent", "path.absolute",
                              "sandbox_cgroup_parent must be an absolute cgroup path");
    // Paths that would hand the sandbox the host's secrets or its writable state.
    static const char* const kNever[] = {"/",     "/root", "/home", "/etc",  "/var",
                                         "/tmp",  "/run",  "/proc", "/sys",  "/dev",
                                         "/boot", "/srv",  "/mnt",  "/media"};
    for (const auto& path : extraReadOnlyPaths) {
        const std::filesystem::path normal = std::filesystem::path(path).lexically_normal();
        if (path.empty() || path.front() != '/' || normal.string() != path)
            return Error::invalid("sandbox_read_only_paths", "path.normalized_absolute",
                                  "\"" + path + "\" must be an absolute, normalized path");
        for (const char* never : kNever)
            if (normal == std::filesystem::path(never))
                return Error::invalid("sandbox_read_only_paths", "path.not_sensitive",
                                      "\"" + path + "\" may not be mounted into the sandbox");
        for (const auto& protectedPath : protectedPaths)
            if (isInside(normal, protectedPath) || isInside(protectedPath, normal))
                return Error::invalid("sandbox_read_only_paths", "path.not_protected",
                                      "\"" + path + "\" overlaps the protected path \"" +
                                          protectedPath + "\"");
    }
    return {};
}

} // namespace builder::executor
