#pragma once

#include "common/Result.h"

#include <filesystem>
#include <memory>
#include <string>
#include <sys/types.h>
#include <vector>

namespace builder::executor {

// When builderd runs as root, hands the workspace to the sandbox's unprivileged
// uid for one run and takes it back afterwards: every entry's owner is
// recorded and changed, then restored; entries the run created get the
// workspace root's owner; set-uid/set-gid bits the run left are cleared. The
// top-level `.git` is never handed over (it is also mounted read-only inside).
// Symlinks are never followed and other mounts are never entered.
class WorkspaceOwnership
{
public:
    static common::Result<std::unique_ptr<WorkspaceOwnership>>
    handOver(const std::filesystem::path& workspace, uid_t uid, gid_t gid);
    ~WorkspaceOwnership(); // restores
    WorkspaceOwnership(const WorkspaceOwnership&) = delete;
    WorkspaceOwnership& operator=(const WorkspaceOwnership&) = delete;

    // Restores now; the destructor then does nothing. Returns the number of
    // entries that could not be restored.
    std::size_t restore();

    // Clears set-uid/set-gid bits a run left on regular files (used when the
    // workspace was not handed over, i.e. builderd is not root).
    static void clearSetIdBits(const std::filesystem::path& workspace);

private:
    struct Entry
    {
        std::string path; // relative to the workspace
        uid_t uid;
        gid_t gid;
    };
    WorkspaceOwnership() = default;

    std::filesystem::path m_workspace;
    uid_t m_rootUid = 0;
    gid_t m_rootGid = 0;
    std::vector<Entry> m_entries; // sorted by path
    bool m_restored = false;
};

} // namespace builder::executor
