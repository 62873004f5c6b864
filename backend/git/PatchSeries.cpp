#include "git/PatchSeries.h"

#include "git/CommitHistory.h"
#include "git/CommitResolver.h"
#include "git/DiffBuilder.h"
#include "git/GitBuffer.h"
#include "git/GitError.h"
#include "git/GitHandle.h"

#include <git2/email.h>

#include <vector>

namespace builder::git {

using common::Result;
using common::StatusCode;

namespace {

Result<std::string> formatOne(git_repository* repo, const git_commit* commit, std::size_t number,
                              std::size_t total)
{
    auto tree = CommitResolver::treeOf(commit);
    if (!tree) {
        return tree.error();
    }
    TreeHandle parentTree;
    if (git_commit_parentcount(commit) > 0) {
        CommitHandle parent;
        if (const int rc = git_commit_parent(parent.out(), commit, 0); rc < 0) {
            return GitError::capture(rc).toError(StatusCode::Internal,
                                                 "cannot read a parent commit");
        }
        auto parentTreeResult = CommitResolver::treeOf(parent.get());
        if (!parentTreeResult) {
            return parentTreeResult.error();
        }
        parentTree = std::move(parentTreeResult).value();
    }
    auto diff =
        DiffBuilder::between(repo, parentTree.get(), tree->get(), DiffBuilder::Binary::Included);
    if (!diff) {
        return diff.error();
    }
    git_email_create_options options = GIT_EMAIL_CREATE_OPTIONS_INIT;
    // The default numbering is git's: "[PATCH]" alone, "[PATCH n/m]" in a series.
    options.flags = GIT_EMAIL_CREATE_DEFAULT;
    const char* summary = git_commit_summary(const_cast<git_commit*>(commit));
    const char* body = git_commit_body(const_cast<git_commit*>(commit));
    GitBuffer email;
    if (const int rc = git_email_create_from_diff(
            email.get(), diff->get(), number, total, git_commit_id(commit),
            summary != nullptr ? summary : "", body, git_commit_author(commit), &options);
        rc < 0) {
        return GitError::capture(rc).toError(StatusCode::Internal,
                                             "cannot format commit " +
                                                 CommitResolver::hex(*git_commit_id(commit)));
    }
    return email.str();
}

} // namespace

Result<std::string> PatchSeries::format(git_repository* repo, const std::string& fromSha,
                                        const std::string& toSha)
{
    auto range = CommitHistory::between(repo, fromSha, toSha);
    if (!range) {
        return range.error();
    }
    std::vector<CommitHandle> commits;
    for (const auto& summary : *range) {
        if (summary.parents.size() > 1) {
            continue; // as git format-patch: merges are left out
        }
        auto commit = CommitResolver::lookup(repo, summary.sha, "sha");
        if (!commit) {
            return commit.error();
        }
        commits.push_back(std::move(commit).value());
    }
    std::string series;
    for (std::size_t i = 0; i < commits.size(); ++i) {
        auto email = formatOne(repo, commits[i].get(), i + 1, commits.size());
        if (!email) {
            return email.error();
        }
        series += *email;
    }
    return series;
}

} // namespace builder::git
