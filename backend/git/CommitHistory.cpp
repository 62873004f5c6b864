#include "git/CommitHistory.h"

#include "git/CommitResolver.h"
#include "git/GitError.h"
#include "git/GitHandle.h"

namespace builder::git {

using common::Result;
using common::StatusCode;

namespace {

CommitSummary summarize(const git_commit* commit)
{
    CommitSummary summary;
    summary.sha = CommitResolver::hex(*git_commit_id(commit));
    for (unsigned int i = 0; i < git_commit_parentcount(commit); ++i) {
        summary.parents.push_back(CommitResolver::hex(*git_commit_parent_id(commit, i)));
    }
    const git_signature* author = git_commit_author(commit);
    summary.authorName = author->name;
    summary.authorEmail = author->email;
    summary.authorTime = author->when.time;
    // git_commit_summary caches its result in the commit, hence the cast.
    if (const char* subject = git_commit_summary(const_cast<git_commit*>(commit))) {
        summary.subject = subject;
    }
    if (const char* message = git_commit_message(commit)) {
        summary.message = message;
    }
    return summary;
}

} // namespace

Result<std::vector<CommitSummary>>
CommitHistory::between(git_repository* repo, const std::string& fromSha, const std::string& toSha)
{
    auto from = CommitResolver::lookup(repo, fromSha, "from_sha");
    if (!from) {
        return from.error();
    }
    auto to = CommitResolver::lookup(repo, toSha, "to_sha");
    if (!to) {
        return to.error();
    }
    RevwalkHandle walk;
    int rc = git_revwalk_new(walk.out(), repo);
    if (rc >= 0) {
        rc = git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE);
    }
    if (rc >= 0) {
        rc = git_revwalk_push(walk.get(), git_commit_id(to->get()));
    }
    if (rc >= 0) {
        rc = git_revwalk_hide(walk.get(), git_commit_id(from->get()));
    }
    if (rc < 0) {
        return GitError::capture(rc).toError(StatusCode::Internal, "cannot walk the history");
    }
    std::vector<CommitSummary> commits;
    git_oid oid;
    while ((rc = git_revwalk_next(&oid, walk.get())) == 0) {
        auto commit = CommitResolver::lookup(repo, oid);
        if (!commit) {
            return commit.error();
        }
        commits.push_back(summarize(commit->get()));
    }
    if (rc != GIT_ITEROVER) {
        return GitError::capture(rc).toError(StatusCode::Internal, "cannot walk the history");
    }
    return commits;
}

} // namespace builder::git
