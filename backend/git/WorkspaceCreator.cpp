#include "git/WorkspaceCreator.h"

#include "common/GitRefName.h"
#include "git/CheckoutFilters.h"
#include "git/CommitResolver.h"
#include "git/GitError.h"
#include "git/GitHandle.h"
#include "git/RepositoryOpener.h"
#include "git/ScratchDirectory.h"

#include <git2.h>

#include <filesystem>
#include <fstream>

namespace builder::git {

namespace fs = std::filesystem;

using common::Error;
using common::Result;
using common::Status;
using common::StatusCode;

namespace {

constexpr const char* kHeadsPrefix = "refs/heads/";

Status validate(const std::string& worktreeDir, const std::string& branchName,
                const std::string& baseRef)
{
    if (worktreeDir.empty()) {
        return Error::invalid("worktree_dir", "string.min_len",
                              "the workspace directory must not be empty");
    }
    if (const std::string problem = common::GitRefName::branchNameProblem(branchName);
        !problem.empty()) {
        return Error::invalid("branch_name", "git.branch_name",
                              "branch_name '" + branchName +
                                  "' is not a valid branch name: " + problem);
    }
    if (baseRef.empty()) {
        return Error::invalid("base_ref", "string.min_len", "base_ref must name a branch");
    }
    std::error_code ec;
    if (fs::exists(fs::symlink_status(worktreeDir, ec)) &&
        !(fs::is_directory(worktreeDir, ec) && fs::is_empty(worktreeDir, ec))) {
        return Error::alreadyExists("the workspace directory " + worktreeDir + " already exists");
    }
    return {};
}

// baseRef is a branch of the mirror, or a full commit id (to recreate a workspace
// at the commit a resumed execution recorded).
Result<git_oid> resolveBase(git_repository* mirror, const std::string& mirrorPath,
                            const std::string& baseRef)
{
    const std::string refName = kHeadsPrefix + baseRef;
    ReferenceHandle ref;
    if (git_reference_lookup(ref.out(), mirror, refName.c_str()) == 0) {
        ObjectHandle peeled;
        if (const int rc = git_reference_peel(peeled.out(), ref.get(), GIT_OBJECT_COMMIT); rc < 0) {
            return GitError::capture(rc).toError(StatusCode::FailedPrecondition,
                                                 "branch '" + baseRef +
                                                     "' does not point to a commit");
        }
        return *git_object_id(peeled.get());
    }
    if (CommitResolver::isSha(baseRef)) {
        auto commit = CommitResolver::lookup(mirror, baseRef, "base_ref");
        if (commit) {
            return *git_commit_id(commit->get());
        }
    }
    return Error::notFound("base branch '" + baseRef + "' does not exist in the mirror " +
                           mirrorPath);
}

Error gitFailure(int rc, const std::string& context)
{
    return GitError::capture(rc).toError(StatusCode::Internal, context);
}

Status writeAlternates(const std::string& gitDir, const std::string& mirrorObjects)
{
    const fs::path file = fs::path(gitDir) / "objects" / "info" / "alternates";
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    std::ofstream out(file, std::ios::trunc);
    out << mirrorObjects << '\n';
    out.close();
    if (ec || !out) {
        return Error::internal("cannot write " + file.string());
    }
    return {};
}

Status initRepository(const std::string& dir, const std::string& branchName,
                      const std::string& mirrorObjects)
{
    git_repository_init_options options = GIT_REPOSITORY_INIT_OPTIONS_INIT;
    options.flags = GIT_REPOSITORY_INIT_MKPATH;
    const std::string head = kHeadsPrefix + branchName;
    options.initial_head = head.c_str();
    RepositoryHandle repo;
    if (const int rc = git_repository_init_ext(repo.out(), dir.c_str(), &options); rc < 0) {
        return gitFailure(rc, "cannot create a repository in " + dir);
    }
    return writeAlternates(git_repository_path(repo.get()), mirrorObjects);
}

Status checkOut(git_repository* repo, const git_oid& base, const std::string& branchName,
                const std::string& baseRef)
{
    auto commit = CommitResolver::lookup(repo, base);
    if (!commit) {
        return commit.error();
    }
    auto tree = CommitResolver::treeOf(commit->get());
    if (!tree) {
        return tree.error();
    }
    const std::string message = "builder: branch " + branchName + " from " + baseRef;
    ReferenceHandle branch;
    const std::string branchRef = kHeadsPrefix + branchName;
    if (const int rc =
            git_reference_create(branch.out(), repo, branchRef.c_str(), &base, 0, message.c_str());
        rc < 0) {
        return gitFailure(rc, "cannot create branch " + branchName);
    }
    ReferenceHandle baseMark;
    if (const int rc = git_reference_create(baseMark.out(), repo, WorkspaceCreator::kBaseRef, &base,
                                            0, message.c_str());
        rc < 0) {
        return gitFailure(rc, "cannot record the base commit");
    }
    git_checkout_options options = GIT_CHECKOUT_OPTIONS_INIT;
    // The work tree is empty: nothing of the user's can be overwritten.
    options.checkout_strategy = GIT_CHECKOUT_FORCE;
    options.disable_filters = CheckoutFilters::needed(repo, tree->get()) ? 0 : 1;
    if (const int rc =
            git_checkout_tree(repo, reinterpret_cast<const git_object*>(tree->get()), &options);
        rc < 0) {
        return gitFailure(rc, "cannot check out " + baseRef);
    }
    return {};
}

} // namespace

Status WorkspaceCreator::create(const std::string& mirrorPath, const std::string& worktreeDir,
                                const std::string& branchName, const std::string& baseRef)
{
    if (auto valid = validate(worktreeDir, branchName, baseRef); !valid) {
        return valid;
    }
    auto mirror = RepositoryOpener::bare(mirrorPath, "mirror");
    if (!mirror) {
        return mirror.error();
    }
    auto base = resolveBase(mirror->get(), mirrorPath, baseRef);
    if (!base) {
        return base.error();
    }
    const std::string mirrorObjects =
        fs::absolute(fs::path(git_repository_path(mirror->get())) / "objects")
            .lexically_normal()
            .string();
    mirror->reset();

    auto scratch = ScratchDirectory::nextTo(worktreeDir);
    if (!scratch) {
        return scratch.error();
    }
    if (auto made = initRepository(scratch->path(), branchName, mirrorObjects); !made) {
        return made;
    }
    {
        // Reopened so that the object database reads the alternates file.
        auto repo = RepositoryOpener::workTree(scratch->path(), "workspace");
        if (!repo) {
            return repo.error();
        }
        if (auto checkedOut = checkOut(repo->get(), *base, branchName, baseRef); !checkedOut) {
            return checkedOut;
        }
    }
    return scratch->publish(worktreeDir);
}

} // namespace builder::git
