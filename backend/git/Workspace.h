#pragma once

#include "common/Result.h"
#include "git/CommitInfo.h"
#include "git/CommitSummary.h"
#include "git/DiffStat.h"
#include "git/Signature.h"

#include <memory>
#include <string>
#include <vector>

namespace builder::git {

// The working tree of one execution: a repository of its own on a feature branch,
// sharing the mirror's objects read-only through alternates. Its .git holds no
// remote and no credential. Move-only; use it from one thread at a time.
class Workspace
{
public:
    // Creates worktreeDir (which must not exist, or be an empty directory) with
    // branch branchName at baseRef checked out. baseRef is a branch of the mirror
    // ("main") or a full commit id the mirror holds. Nothing is left behind on
    // failure. Errors: NotFound (mirror, or "base branch 'x' does not exist"),
    // AlreadyExists (worktreeDir), InvalidArgument (branch name), FailedPrecondition
    // (mirrorPath is no bare repository).
    static common::Result<Workspace> create(const std::string& mirrorPath,
                                            const std::string& worktreeDir,
                                            const std::string& branchName,
                                            const std::string& baseRef);
    // An existing workspace. NotFound / FailedPrecondition as for create.
    static common::Result<Workspace> open(const std::string& worktreeDir);

    Workspace(Workspace&& other) noexcept;
    Workspace& operator=(Workspace&& other) noexcept;
    ~Workspace();

    const std::string& path() const;
    // The checked-out branch ("builder/feature-1"), empty when HEAD is detached.
    std::string branch() const;
    common::Result<std::string> headSha() const;
    // The commit the workspace was created from.
    common::Result<std::string> baseSha() const;

    // Stages everything (new, modified, deleted, renamed; .gitignore honoured) and
    // commits it on the branch with signature as author and committer.
    // FailedPrecondition "nothing to commit" when nothing changed.
    common::Result<CommitInfo> commitAll(const std::string& message, const Signature& signature);

    // Between two commits given as full ids (InvalidArgument otherwise, NotFound
    // for an unknown one).
    common::Result<std::string> diff(const std::string& fromSha, const std::string& toSha) const;
    common::Result<DiffStat> diffStat(const std::string& fromSha, const std::string& toSha) const;
    // `git format-patch --stdout fromSha..toSha`; `git am` applies it.
    common::Result<std::string> formatPatch(const std::string& fromSha,
                                            const std::string& toSha) const;
    // Reachable from toSha, not from fromSha; oldest first.
    common::Result<std::vector<CommitSummary>> commitsBetween(const std::string& fromSha,
                                                              const std::string& toSha) const;
    // The content of path (relative, '/'-separated) at commit sha. NotFound when
    // the commit has no such file, FailedPrecondition for a directory.
    common::Result<std::string> fileAt(const std::string& sha, const std::string& path) const;

    // Moves the branch, index and work tree to sha and deletes untracked files
    // (ignored ones stay): discards a step's partial work.
    common::Status resetHard(const std::string& sha);

    // The paths in the index, sorted as git sorts them.
    common::Result<std::vector<std::string>> trackedFiles() const;

private:
    struct State;
    explicit Workspace(std::unique_ptr<State> state);
    std::unique_ptr<State> m_state;
};

} // namespace builder::git
