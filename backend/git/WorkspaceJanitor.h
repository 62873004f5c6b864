#pragma once

#include "common/Result.h"
#include "git/JanitorReport.h"

#include <chrono>
#include <set>
#include <string>

namespace builder::git {

// Deletes workspaces nobody needs any more. A workspace is a directory directly
// under the workspace root, named after its execution id, holding a `.git`
// (anything else is left alone, so a misconfigured root cannot lose data); the
// hidden scratch directories of an interrupted Workspace::create count too.
class WorkspaceJanitor
{
public:
    // Removes the workspaces of executions not in liveExecutionIds whose last
    // change (directory, index or HEAD) is older than retention.
    static common::Result<JanitorReport>
    removeExpired(const std::string& root, const std::set<std::string>& liveExecutionIds,
                  std::chrono::seconds retention);

    // After a restart: removes every workspace no live execution owns, whatever
    // its age, and prunes the worktree entries of the bare mirrors under
    // mirrorRoot (when given) whose directories are gone.
    static common::Result<JanitorReport> reconcile(const std::string& root,
                                                   const std::set<std::string>& liveExecutionIds,
                                                   const std::string& mirrorRoot = {});
};

} // namespace builder::git
