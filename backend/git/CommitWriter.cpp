#include "git/CommitWriter.h"

#include "git/CommitResolver.h"
#include "git/DiffBuilder.h"
#include "git/GitBuffer.h"
#include "git/GitError.h"
#include "git/GitHandle.h"

#include <algorithm>

namespace builder::git {

using common::Error;
using common::Result;
using common::Status;
using common::StatusCode;

namespace {

bool hasForbiddenCharacter(const std::string& text)
{
    return std::any_of(text.begin(), text.end(),
                       [](char c) { return c == '<' || c == '>' || c == '\n' || c == '\0'; });
}

bool isBlank(const std::string& text)
{
    return std::all_of(text.begin(), text.end(),
                       [](unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); });
}

Status validate(const std::string& message, const Signature& signature)
{
    if (isBlank(message)) {
        return Error::invalid("message", "string.min_len", "the commit message must not be empty");
    }
    if (isBlank(signature.name) || hasForbiddenCharacter(signature.name)) {
        return Error::invalid("signature.name", "git.identity",
                              "the author name must be non-empty and contain no '<', '>' or "
                              "line break");
    }
    if (isBlank(signature.email) || hasForbiddenCharacter(signature.email)) {
        return Error::invalid("signature.email", "git.identity",
                              "the author email must be non-empty and contain no '<', '>' or "
                              "line break");
    }
    return {};
}

Error failure(int rc, const std::string& context)
{
    return GitError::capture(rc).toError(StatusCode::Internal, context);
}

// The index after `git add --all`: additions, modifications and removals of
// entries whose files are gone (ignores honoured), all from one index-to-workdir
// diff inside git_index_add_all. git_index_update_all would only walk the work
// tree again to find the same deletions (~15 ms on 5,000 files).
Result<git_oid> stageAll(git_repository* repo)
{
    IndexHandle index;
    if (const int rc = git_repository_index(index.out(), repo); rc < 0) {
        return failure(rc, "cannot open the index");
    }
    // Tools in the sandbox may have rewritten the index file.
    if (const int rc = git_index_read(index.get(), 0); rc < 0) {
        return failure(rc, "cannot read the index");
    }
    if (const int rc =
            git_index_add_all(index.get(), nullptr, GIT_INDEX_ADD_DEFAULT, nullptr, nullptr);
        rc < 0) {
        return failure(rc, "cannot stage the changes");
    }
    if (const int rc = git_index_write(index.get()); rc < 0) {
        return failure(rc, "cannot write the index");
    }
    git_oid tree;
    if (const int rc = git_index_write_tree(&tree, index.get()); rc < 0) {
        return failure(rc, "cannot write the tree");
    }
    return tree;
}

Result<CommitHandle> headCommit(git_repository* repo)
{
    git_oid head;
    if (const int rc = git_reference_name_to_id(&head, repo, "HEAD"); rc < 0) {
        return GitError::capture(rc).toError(StatusCode::FailedPrecondition,
                                             "the workspace has no HEAD commit");
    }
    return CommitResolver::lookup(repo, head);
}

Result<CommitInfo> statsOf(git_repository* repo, const git_oid& commitId, const git_tree* parent,
                           const git_tree* tree)
{
    auto diff = DiffBuilder::between(repo, parent, tree);
    if (!diff) {
        return diff.error();
    }
    DiffStatsHandle stats;
    if (const int rc = git_diff_get_stats(stats.out(), diff->get()); rc < 0) {
        return failure(rc, "cannot count the changes");
    }
    CommitInfo info;
    info.sha = CommitResolver::hex(commitId);
    info.filesChanged = static_cast<int>(git_diff_stats_files_changed(stats.get()));
    info.additions = static_cast<int>(git_diff_stats_insertions(stats.get()));
    info.deletions = static_cast<int>(git_diff_stats_deletions(stats.get()));
    return info;
}

} // namespace

Result<CommitInfo> CommitWriter::commitAll(git_repository* repo, const std::string& message,
                                           const Signature& signature)
{
    if (auto valid = validate(message, signature); !valid) {
        return valid.error();
    }
    auto parent = headCommit(repo);
    if (!parent) {
        return parent.error();
    }
    auto parentTree = CommitResolver::treeOf(parent->get());
    if (!parentTree) {
        return parentTree.error();
    }
    auto treeId = stageAll(repo);
    if (!treeId) {
        return treeId.error();
    }
    if (git_oid_equal(&*treeId, git_tree_id(parentTree->get())) != 0) {
        return Error::failedPrecondition("nothing to commit: the work tree matches " +
                                         CommitResolver::hex(*git_commit_id(parent->get())));
    }
    TreeHandle tree;
    if (const int rc = git_tree_lookup(tree.out(), repo, &*treeId); rc < 0) {
        return failure(rc, "cannot read the staged tree");
    }
    SignatureHandle who;
    if (const int rc =
            git_signature_now(who.out(), signature.name.c_str(), signature.email.c_str());
        rc < 0) {
        return GitError::capture(rc).toError(StatusCode::InvalidArgument, "invalid signature");
    }
    // As `git commit` does: trailing whitespace stripped, one final newline.
    GitBuffer cleaned;
    if (const int rc = git_message_prettify(cleaned.get(), message.c_str(), 0, '#'); rc < 0) {
        return failure(rc, "cannot clean up the commit message");
    }
    const git_commit* parents[] = {parent->get()};
    git_oid commitId;
    if (const int rc = git_commit_create(&commitId, repo, "HEAD", who.get(), who.get(), nullptr,
                                         cleaned.str().c_str(), tree.get(), 1, parents);
        rc < 0) {
        return failure(rc, "cannot create the commit");
    }
    return statsOf(repo, commitId, parentTree->get(), tree.get());
}

} // namespace builder::git
