#include "git/DiffBuilder.h"

#include "git/CommitResolver.h"
#include "git/GitError.h"

namespace builder::git {

using common::Result;
using common::StatusCode;

Result<DiffHandle> DiffBuilder::between(git_repository* repo, const git_tree* from,
                                        const git_tree* to, Binary binary)
{
    git_diff_options options = GIT_DIFF_OPTIONS_INIT;
    options.context_lines = 3;
    if (binary == Binary::Included) {
        options.flags |= GIT_DIFF_SHOW_BINARY;
    }
    DiffHandle diff;
    if (const int rc = git_diff_tree_to_tree(diff.out(), repo, const_cast<git_tree*>(from),
                                             const_cast<git_tree*>(to), &options);
        rc < 0) {
        return GitError::capture(rc).toError(StatusCode::Internal, "cannot compute the diff");
    }
    git_diff_find_options find = GIT_DIFF_FIND_OPTIONS_INIT;
    find.flags = GIT_DIFF_FIND_RENAMES;
    if (const int rc = git_diff_find_similar(diff.get(), &find); rc < 0) {
        return GitError::capture(rc).toError(StatusCode::Internal, "cannot detect renames");
    }
    return diff;
}

Result<DiffHandle> DiffBuilder::between(git_repository* repo, const std::string& fromSha,
                                        const std::string& toSha, Binary binary)
{
    auto from = CommitResolver::lookup(repo, fromSha, "from_sha");
    if (!from) {
        return from.error();
    }
    auto to = CommitResolver::lookup(repo, toSha, "to_sha");
    if (!to) {
        return to.error();
    }
    auto fromTree = CommitResolver::treeOf(from->get());
    if (!fromTree) {
        return fromTree.error();
    }
    auto toTree = CommitResolver::treeOf(to->get());
    if (!toTree) {
        return toTree.error();
    }
    return between(repo, fromTree->get(), toTree->get(), binary);
}

} // namespace builder::git
