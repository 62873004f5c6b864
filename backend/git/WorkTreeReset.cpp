#include "git/WorkTreeReset.h"

#include "git/CommitResolver.h"
#include "git/DirectoryRemover.h"
#include "git/GitError.h"
#include "git/GitHandle.h"

#include <filesystem>
#include <set>
#include <vector>

namespace builder::git {

namespace fs = std::filesystem;

using common::Error;
using common::Result;
using common::Status;
using common::StatusCode;

namespace {

Result<std::vector<std::string>> untrackedPaths(git_repository* repo)
{
    git_status_options options = GIT_STATUS_OPTIONS_INIT;
    options.show = GIT_STATUS_SHOW_WORKDIR_ONLY;
    options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS;
    StatusListHandle list;
    if (const int rc = git_status_list_new(list.out(), repo, &options); rc < 0) {
        return GitError::capture(rc).toError(StatusCode::Internal,
                                             "cannot list the untracked files");
    }
    std::vector<std::string> paths;
    const std::size_t count = git_status_list_entrycount(list.get());
    for (std::size_t i = 0; i < count; ++i) {
        const git_status_entry* entry = git_status_byindex(list.get(), i);
        if ((entry->status & GIT_STATUS_WT_NEW) != 0 && entry->index_to_workdir != nullptr) {
            paths.emplace_back(entry->index_to_workdir->new_file.path);
        }
    }
    return paths;
}

// Deletes the files, then every folder they leave empty (deepest first).
Status removeUntracked(const fs::path& workdir, const std::vector<std::string>& paths)
{
    std::set<fs::path, std::greater<>> folders;
    for (const std::string& relative : paths) {
        const fs::path file = workdir / relative;
        // A folder status does not descend into is reported whole ("nested/"): an
        // embedded repository.
        if (!relative.empty() && relative.back() == '/') {
            if (auto removed = DirectoryRemover::remove(file.string()); !removed) {
                return removed;
            }
        } else {
            std::error_code ec;
            fs::remove(file, ec);
            if (ec) {
                return Error::internal("cannot delete " + file.string() + ": " + ec.message());
            }
        }
        for (fs::path folder = fs::path(relative).parent_path(); !folder.empty();
             folder = folder.parent_path()) {
            folders.insert(folder);
        }
    }
    for (const fs::path& folder : folders) {
        std::error_code ec;
        if (fs::is_directory(workdir / folder, ec) && fs::is_empty(workdir / folder, ec)) {
            fs::remove(workdir / folder, ec);
        }
    }
    return {};
}

// HEAD is at commit, the index matches it and the work tree matches the index,
// with no untracked file (ignored ones do not count): reset and clean would change
// nothing. One status pass instead of a forced checkout and another status pass;
// the pipeline resets before every step, usually with nothing to undo. Any doubt
// (an error) answers false, which only costs the full reset.
bool alreadyAt(git_repository* repo, const git_commit* commit)
{
    git_oid head;
    if (git_reference_name_to_id(&head, repo, "HEAD") != 0 ||
        git_oid_equal(&head, git_commit_id(commit)) == 0) {
        return false;
    }
    git_status_options options = GIT_STATUS_OPTIONS_INIT;
    options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
    options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS;
    StatusListHandle list;
    return git_status_list_new(list.out(), repo, &options) == 0 &&
           git_status_list_entrycount(list.get()) == 0;
}

} // namespace

Status WorkTreeReset::resetHard(git_repository* repo, const std::string& sha)
{
    auto commit = CommitResolver::lookup(repo, sha, "sha");
    if (!commit) {
        return commit.error();
    }
    if (alreadyAt(repo, commit->get())) {
        return {};
    }
    git_checkout_options options = GIT_CHECKOUT_OPTIONS_INIT;
    options.checkout_strategy = GIT_CHECKOUT_FORCE;
    if (const int rc = git_reset(repo, reinterpret_cast<const git_object*>(commit->get()),
                                 GIT_RESET_HARD, &options);
        rc < 0) {
        return GitError::capture(rc).toError(StatusCode::Internal, "cannot reset to " + sha);
    }
    auto untracked = untrackedPaths(repo);
    if (!untracked) {
        return untracked.error();
    }
    return removeUntracked(git_repository_workdir(repo), *untracked);
}

} // namespace builder::git
