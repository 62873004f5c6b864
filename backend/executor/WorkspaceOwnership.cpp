#include "WorkspaceOwnership.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <functional>
#include <sys/stat.h>
#include <unistd.h>

namespace builder::executor {

namespace {

using common::Error;

// Visits every entry below the directory `dirFd` (not following symlinks, not
// crossing into other filesystems), calling visit(parentFd, name, relPath, st).
// Returns false when the walk hit an error it could not step over.
bool walk(
    int dirFd, const std::string& prefix, dev_t device, bool topLevel,
    const std::function<void(int, const char*, const std::string&, const struct stat&)>& visit)
{
    const int copy = dup(dirFd);
    if (copy < 0)
        return false;
    DIR* dir = fdopendir(copy);
    if (!dir) {
        close(copy);
        return false;
    }
    bool ok = true;
    std::vector<std::string> names;
    while (dirent* entry = readdir(dir)) {
        const std::string name = entry->d_name;
        if (name == "." || name == "..")
            continue;
        if (topLevel && name == ".git")
            continue;
        names.push_back(name);
    }
    closedir(dir);
    for (const auto& name : names) {
        struct stat st;
        if (fstatat(dirFd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0)
            continue; // vanished
        const std::string path = prefix.empty() ? name : prefix + "/" + name;
        visit(dirFd, name.c_str(), path, st);
        if (S_ISDIR(st.st_mode) && st.st_dev == device) {
            const int child =
                openat(dirFd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (child < 0) {
                ok = false;
                continue;
            }
            ok = walk(child, path, device, false, visit) && ok;
            close(child);
        }
    }
    return ok;
}

} // namespace

common::Result<std::unique_ptr<WorkspaceOwnership>>
WorkspaceOwnership::handOver(const std::filesystem::path& workspace, uid_t uid, gid_t gid)
{
    const int rootFd = open(workspace.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (rootFd < 0)
        return Error::failedPrecondition("cannot open the workspace " + workspace.string() + ": " +
                                         std::strerror(errno));
    struct stat rootStat;
    fstat(rootFd, &rootStat);
    std::unique_ptr<WorkspaceOwnership> ownership(new WorkspaceOwnership());
    ownership->m_workspace = workspace;
    ownership->m_rootUid = rootStat.st_uid;
    ownership->m_rootGid = rootStat.st_gid;
    ownership->m_entries.push_back({"", rootStat.st_uid, rootStat.st_gid});
    std::size_t failures = 0;
    walk(rootFd, "", rootStat.st_dev, true,
         [&](int parentFd, const char* name, const std::string& path, const struct stat& st) {
             ownership->m_entries.push_back({path, st.st_uid, st.st_gid});
             if (fchownat(parentFd, name, uid, gid, AT_SYMLINK_NOFOLLOW) != 0)
                 ++failures;
         });
    if (fchown(rootFd, uid, gid) != 0)
        ++failures;
    close(rootFd);
    std::sort(ownership->m_entries.begin(), ownership->m_entries.end(),
              [](const Entry& a, const Entry& b) { return a.path < b.path; });
    if (failures > 0) {
        ownership->restore();
        return Error::failedPrecondition("cannot hand the workspace to the sandbox uid (" +
                                         std::to_string(failures) + " entries refused chown)");
    }
    return ownership;
}

WorkspaceOwnership::~WorkspaceOwnership()
{
    restore();
}

std::size_t WorkspaceOwnership::restore()
{
    if (m_restored)
        return 0;
    m_restored = true;
    const int rootFd = open(m_workspace.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (rootFd < 0)
        return m_entries.size();
    struct stat rootStat;
    fstat(rootFd, &rootStat);
    std::size_t failures = 0;
    const auto original = [this](const std::string& path) -> std::pair<uid_t, gid_t> {
        const auto it = std::lower_bound(
            m_entries.begin(), m_entries.end(), path,
            [](const Entry& entry, const std::string& key) { return entry.path < key; });
        if (it != m_entries.end() && it->path == path)
            return {it->uid, it->gid};
        return {m_rootUid, m_rootGid};
    };
    walk(rootFd, "", rootStat.st_dev, true,
         [&](int parentFd, const char* name, const std::string& path, const struct stat& st) {
             const auto [uid, gid] = original(path);
             if (fchownat(parentFd, name, uid, gid, AT_SYMLINK_NOFOLLOW) != 0)
                 ++failures;
             // chown clears set-id bits of regular files; make sure of it.
             if (S_ISREG(st.st_mode) && (st.st_mode & (S_ISUID | S_ISGID)) != 0)
                 fchmodat(parentFd, name, st.st_mode & 0777 & ~S_ISVTX, 0);
         });
    const auto [uid, gid] = original("");
    if (fchown(rootFd, uid, gid) != 0)
        ++failures;
    close(rootFd);
    return failures;
}

void WorkspaceOwnership::clearSetIdBits(const std::filesystem::path& workspace)
{
    const int rootFd = open(workspace.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (rootFd < 0)
        return;
    struct stat rootStat;
    fstat(rootFd, &rootStat);
    walk(rootFd, "", rootStat.st_dev, true,
         [](int parentFd, const char* name, const std::string&, const struct stat& st) {
             if (S_ISREG(st.st_mode) && (st.st_mode & (S_ISUID | S_ISGID)) != 0)
                 fchmodat(parentFd, name, st.st_mode & 0777, 0);
         });
    close(rootFd);
}

} // namespace builder::executor
