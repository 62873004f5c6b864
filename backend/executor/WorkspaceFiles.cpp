#include "WorkspaceFiles.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <fstream>
#include <linux/openat2.h>
#include <sstream>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace builder::executor {

namespace {

using common::Error;

std::vector<std::string> segments(const std::string& pattern)
{
    std::vector<std::string> parts;
    std::stringstream stream(pattern);
    std::string part;
    while (std::getline(stream, part, '/'))
        if (!part.empty() && part != ".")
            parts.push_back(part);
    return parts;
}

int openBeneath(int rootFd, const std::string& relative, int flags)
{
    open_how how{};
    how.flags = static_cast<std::uint64_t>(flags | O_CLOEXEC);
    how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS | RESOLVE_NO_XDEV;
    return static_cast<int>(syscall(SYS_openat2, rootFd, relative.c_str(), &how, sizeof how));
}

bool mentions(const std::vector<std::string>& parts, const std::string& name)
{
    return std::find(parts.begin(), parts.end(), name) != parts.end();
}

void match(int dirFd, const std::string& prefix, const std::vector<std::string>& parts,
           std::size_t index, bool allowModules, std::vector<WorkspaceFiles::Match>& out,
           std::size_t limit, int depth)
{
    if (index >= parts.size() || out.size() >= limit || depth > 64)
        return;
    const int copy = dup(dirFd);
    DIR* dir = copy >= 0 ? fdopendir(copy) : nullptr;
    if (!dir) {
        if (copy >= 0)
            close(copy);
        return;
    }
    std::vector<std::string> names;
    while (dirent* entry = readdir(dir)) {
        const std::string name = entry->d_name;
        if (name != "." && name != ".." && name != ".git" &&
            (allowModules || name != "node_modules"))
            names.push_back(name);
    }
    closedir(dir);
    std::sort(names.begin(), names.end());
    const std::string& part = parts[index];
    const bool last = index + 1 == parts.size();
    for (const auto& name : names) {
        if (out.size() >= limit)
            return;
        struct stat st;
        if (fstatat(dirFd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0)
            continue;
        const std::string path = prefix.empty() ? name : prefix + "/" + name;
        const bool isDir = S_ISDIR(st.st_mode);
        const auto descend = [&](std::size_t next) {
            const int child =
                openat(dirFd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (child < 0)
                return;
            match(child, path, parts, next, allowModules, out, limit, depth + 1);
            close(child);
        };
        if (part == "**") {
            // "**" matches zero directories (try the next part here) ...
            if (index + 1 < parts.size() &&
                fnmatch(parts[index + 1].c_str(), name.c_str(), FNM_PERIOD) == 0) {
                if (index + 2 == parts.size() && S_ISREG(st.st_mode))
                    out.push_back({path, st.st_mtime, static_cast<std::uint64_t>(st.st_size)});
                else if (isDir)
                    descend(index + 2);
            }
            // ... or one more directory.
            if (isDir && name[0] != '.')
                descend(index);
            continue;
        }
        if (fnmatch(part.c_str(), name.c_str(), FNM_PERIOD) != 0)
            continue;
        if (last) {
            if (S_ISREG(st.st_mode))
                out.push_back({path, st.st_mtime, static_cast<std::uint64_t>(st.st_size)});
        } else if (isDir) {
            descend(index + 1);
        }
    }
}

} // namespace

std::vector<WorkspaceFiles::Match> WorkspaceFiles::glob(const std::filesystem::path& workspace,
                                                        const std::string& pattern,
                                                        std::size_t limit)
{
    std::vector<Match> out;
    const auto parts = segments(pattern);
    if (parts.empty() || pattern.front() == '/' || mentions(parts, ".."))
        return out;
    const int root = open(workspace.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (root < 0)
        return out;
    match(root, "", parts, 0, mentions(parts, "node_modules"), out, limit, 0);
    close(root);
    std::sort(out.begin(), out.end(),
              [](const Match& a, const Match& b) { return a.path < b.path; });
    out.erase(std::unique(out.begin(), out.end(),
                          [](const Match& a, const Match& b) { return a.path == b.path; }),
              out.end());
    return out;
}

common::Result<std::string> WorkspaceFiles::read(const std::filesystem::path& workspace,
                                                 const std::string& relative,
                                                 std::uint64_t maxBytes)
{
    const int root = open(workspace.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (root < 0)
        return Error::notFound("workspace not readable");
    const int fd = openBeneath(root, relative, O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
    const int saved = errno;
    close(root);
    if (fd < 0)
        return Error::notFound(relative + ": " + std::strerror(saved));
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return Error::failedPrecondition(relative + " is not a regular file");
    }
    if (static_cast<std::uint64_t>(st.st_size) > maxBytes) {
        close(fd);
        return Error(common::StatusCode::ResourceExhausted,
                     relative + " is larger than " + std::to_string(maxBytes) + " bytes");
    }
    std::string data;
    char buffer[65536];
    ssize_t n = 0;
    while ((n = ::read(fd, buffer, sizeof buffer)) > 0 && data.size() <= maxBytes)
        data.append(buffer, static_cast<std::size_t>(n));
    close(fd);
    if (data.size() > maxBytes)
        data.resize(maxBytes);
    return data;
}

common::Status WorkspaceFiles::copyOut(const std::filesystem::path& workspace,
                                       const std::string& relative,
                                       const std::filesystem::path& target, std::uint64_t maxBytes)
{
    auto data = read(workspace, relative, maxBytes);
    if (!data.ok())
        return data.error();
    std::error_code ignored;
    std::filesystem::create_directories(target.parent_path(), ignored);
    const std::filesystem::path temporary = target.string() + ".part";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(data->data(), static_cast<std::streamsize>(data->size()));
        if (!out)
            return Error::unavailable("cannot write " + temporary.string());
    }
    std::filesystem::rename(temporary, target, ignored);
    if (ignored)
        return Error::unavailable("cannot write " + target.string());
    return {};
}

void WorkspaceFiles::removeTree(const std::filesystem::path& workspace, const std::string& relative)
{
    const int root = open(workspace.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (root < 0)
        return;
    const int dirFd = openBeneath(root, relative, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
    close(root);
    if (dirFd < 0)
        return;
    const auto clear = [](int fd, auto& self) -> void {
        const int copy = dup(fd);
        DIR* dir = copy >= 0 ? fdopendir(copy) : nullptr;
        if (!dir) {
            if (copy >= 0)
                close(copy);
            return;
        }
        std::vector<std::string> names;
        while (dirent* entry = readdir(dir)) {
            const std::string name = entry->d_name;
            if (name != "." && name != "..")
                names.push_back(name);
        }
        closedir(dir);
        for (const auto& name : names) {
            struct stat st;
            if (fstatat(fd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0)
                continue;
            if (S_ISDIR(st.st_mode)) {
                const int child =
                    openat(fd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
                if (child >= 0) {
                    self(child, self);
                    close(child);
                }
                unlinkat(fd, name.c_str(), AT_REMOVEDIR);
            } else {
                unlinkat(fd, name.c_str(), 0);
            }
        }
    };
    clear(dirFd, clear);
    close(dirFd);
}

} // namespace builder::executor
