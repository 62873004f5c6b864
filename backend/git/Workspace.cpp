#include "git/Workspace.h"

#include "git/CommitHistory.h"
#include "git/CommitResolver.h"
#include "git/CommitWriter.h"
#include "git/DiffRenderer.h"
#include "git/GitError.h"
#include "git/GitHandle.h"
#include "git/PatchSeries.h"
#include "git/RepositoryOpener.h"
#include "git/WorkTreeReset.h"
#include "git/WorkspaceCreator.h"

#include <git2.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

namespace builder::git {

using common::Error;
using common::Result;
using common::Status;
using common::StatusCode;

struct Workspace::State
{
    std::string path;
    RepositoryHandle repo;
};

namespace {

// A relative, '/'-separated path that stays inside the tree.
bool isSafeTreePath(const std::string& path)
{
    if (path.empty() || path.front() == '/' || path.back() == '/' ||
        path.find('\0') != std::string::npos) {
        return false;
    }
    std::stringstream parts(path);
    std::string part;
    while (std::getline(parts, part, '/')) {
        if (part.empty() || part == "." || part == ".." || part == ".git") {
            return false;
        }
    }
    return true;
}

Result<std::string> refTarget(git_repository* repo, const char* name, const std::string& what)
{
    git_oid oid;
    if (const int rc = git_reference_name_to_id(&oid, repo, name); rc < 0) {
        return GitError::capture(rc).toError(rc == GIT_ENOTFOUND ? StatusCode::FailedPrecondition
                                                                 : StatusCode::Internal,
                                             "the workspace has no " + what);
    }
    return CommitResolver::hex(oid);
}

} // namespace

Workspace::Workspace(std::unique_ptr<State> state) : m_state(std::move(state)) {}
Workspace::Workspace(Workspace&& other) noexcept = default;
Workspace& Workspace::operator=(Workspace&& other) noexcept = default;
Workspace::~Workspace() = default;

Result<Workspace> Workspace::create(const std::string& mirrorPath, const std::string& worktreeDir,
                                    const std::string& branchName, const std::string& baseRef)
{
    if (auto created = WorkspaceCreator::create(mirrorPath, worktreeDir, branchName, baseRef);
        !created) {
        return created.error();
    }
    return open(worktreeDir);
}

Result<Workspace> Workspace::open(const std::string& worktreeDir)
{
    auto repo = RepositoryOpener::workTree(worktreeDir, "workspace");
    if (!repo) {
        return repo.error();
    }
    auto state = std::make_unique<State>();
    state->path = worktreeDir;
    state->repo = std::move(repo).value();
    return Workspace(std::move(state));
}

const std::string& Workspace::path() const
{
    return m_state->path;
}

std::string Workspace::branch() const
{
    ReferenceHandle head;
    if (git_repository_head(head.out(), m_state->repo.get()) < 0 ||
        git_reference_is_branch(head.get()) == 0) {
        return {};
    }
    const char* name = nullptr;
    return git_branch_name(&name, head.get()) == 0 && name != nullptr ? name : "";
}

Result<std::string> Workspace::headSha() const
{
    return refTarget(m_state->repo.get(), "HEAD", "HEAD commit");
}

Result<std::string> Workspace::baseSha() const
{
    return refTarget(m_state->repo.get(), WorkspaceCreator::kBaseRef,
                     std::string("recorded base commit (") + WorkspaceCreator::kBaseRef + ")");
}

Result<CommitInfo> Workspace::commitAll(const std::string& message, const Signature& signature)
{
    return CommitWriter::commitAll(m_state->repo.get(), message, signature);
}

Result<std::string> Workspace::diff(const std::string& fromSha, const std::string& toSha) const
{
    return DiffRenderer::unified(m_state->repo.get(), fromSha, toSha);
}

Result<DiffStat> Workspace::diffStat(const std::string& fromSha, const std::string& toSha) const
{
    return DiffRenderer::stat(m_state->repo.get(), fromSha, toSha);
}

Result<std::string> Workspace::formatPatch(const std::string& fromSha,
                                           const std::string& toSha) const
{
    return PatchSeries::format(m_state->repo.get(), fromSha, toSha);
}

Result<std::vector<CommitSummary>> Workspace::commitsBetween(const std::string& fromSha,
                                                             const std::string& toSha) const
{
    return CommitHistory::between(m_state->repo.get(), fromSha, toSha);
}

Result<std::string> Workspace::fileAt(const std::string& sha, const std::string& path) const
{
    if (!isSafeTreePath(path)) {
        return Error::invalid("path", "path.relative",
                              "path must be relative, '/'-separated, without '.', '..' or "
                              "'.git' parts, got '" +
                                  path + "'");
    }
    git_repository* repo = m_state->repo.get();
    auto commit = CommitResolver::lookup(repo, sha, "sha");
    if (!commit) {
        return commit.error();
    }
    auto tree = CommitResolver::treeOf(commit->get());
    if (!tree) {
        return tree.error();
    }
    TreeEntryHandle entry;
    if (const int rc = git_tree_entry_bypath(entry.out(), tree->get(), path.c_str()); rc < 0) {
        if (rc == GIT_ENOTFOUND) {
            return Error::notFound("'" + path + "' does not exist at commit " + sha);
        }
        return GitError::capture(rc).toError(StatusCode::Internal, "cannot look up " + path);
    }
    if (git_tree_entry_type(entry.get()) != GIT_OBJECT_BLOB) {
        return Error::failedPrecondition("'" + path + "' at commit " + sha + " is not a file");
    }
    BlobHandle blob;
    if (const int rc = git_blob_lookup(blob.out(), repo, git_tree_entry_id(entry.get())); rc < 0) {
        return GitError::capture(rc).toError(StatusCode::Internal, "cannot read " + path);
    }
    const auto* data = static_cast<const char*>(git_blob_rawcontent(blob.get()));
    return std::string(data, static_cast<std::size_t>(git_blob_rawsize(blob.get())));
}

Status Workspace::resetHard(const std::string& sha)
{
    return WorkTreeReset::resetHard(m_state->repo.get(), sha);
}

Result<std::vector<std::string>> Workspace::trackedFiles() const
{
    IndexHandle index;
    if (const int rc = git_repository_index(index.out(), m_state->repo.get()); rc < 0) {
        return GitError::capture(rc).toError(StatusCode::Internal, "cannot open the index");
    }
    if (const int rc = git_index_read(index.get(), 0); rc < 0) {
        return GitError::capture(rc).toError(StatusCode::Internal, "cannot read the index");
    }
    std::vector<std::string> paths;
    const std::size_t count = git_index_entrycount(index.get());
    paths.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        const git_index_entry* entry = git_index_get_byindex(index.get(), i);
        if (git_index_entry_stage(entry) == 0) {
            paths.emplace_back(entry->path);
        }
    }
    return paths;
}

} // namespace builder::git
