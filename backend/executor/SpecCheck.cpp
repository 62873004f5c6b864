#include "SpecCheck.h"

#include <sys/stat.h>

namespace builder::executor {

namespace {

using common::Error;

bool validName(const std::string& name)
{
    if (name.empty() || (name[0] >= '0' && name[0] <= '9'))
        return false;
    for (char c : name)
        if (!(c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
              (c >= '0' && c <= '9')))
            return false;
    return true;
}

} // namespace

common::Status SpecCheck::validate(const SandboxSpec& spec)
{
    if (spec.argv.empty() || spec.argv[0].empty())
        return Error::invalid("argv", "repeated.min_items", "the command must not be empty");
    for (const auto& arg : spec.argv)
        if (arg.find('\0') != std::string::npos)
            return Error::invalid("argv", "string.no_nul", "arguments must not contain NUL");
    if (!spec.workspace.is_absolute())
        return Error::invalid("workspace", "path.absolute", "the workspace must be absolute");
    struct stat st;
    if (lstat(spec.workspace.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
        return Error::invalid("workspace", "path.directory",
                              "the workspace " + spec.workspace.string() +
                                  " must be an existing directory (not a symlink)");
    const std::filesystem::path cwd(spec.cwd);
    if (cwd.is_absolute())
        return Error::invalid("cwd", "path.relative", "cwd must be relative to the workspace");
    for (const auto& part : cwd)
        if (part == "..")
            return Error::invalid("cwd", "path.inside", "cwd must stay inside the workspace");
    if (spec.timeout.count() <= 0)
        return Error::invalid("timeout", "duration.gt", "the timeout must be positive");
    for (const auto& [name, value] : spec.env) {
        if (!validName(name))
            return Error::invalid("env", "env.name",
                                  "environment name \"" + name +
                                      "\" must match [A-Za-z_][A-Za-z0-9_]*");
        if (value.find('\0') != std::string::npos)
            return Error::invalid("env", "string.no_nul",
                                  "environment value of " + name + " contains NUL");
    }
    return {};
}

} // namespace builder::executor
