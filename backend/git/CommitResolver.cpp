#include "git/CommitResolver.h"

#include "git/GitError.h"

#include <algorithm>
#include <cctype>

namespace builder::git {

using common::Error;
using common::Result;
using common::StatusCode;

std::string CommitResolver::hex(const git_oid& oid)
{
    char text[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(text, sizeof(text), &oid);
    return text;
}

bool CommitResolver::isSha(const std::string& text)
{
    return text.size() == kShaLength && std::all_of(text.begin(), text.end(), [](unsigned char c) {
               return std::isxdigit(c) != 0;
           });
}

Result<git_oid> CommitResolver::parse(const std::string& sha, const std::string& field)
{
    git_oid oid;
    if (!isSha(sha) || git_oid_fromstr(&oid, sha.c_str()) < 0) {
        return Error::invalid(field, "string.pattern",
                              field + " must be a full commit id (40 hexadecimal digits), got '" +
                                  sha.substr(0, 64) + "'");
    }
    return oid;
}

Result<CommitHandle> CommitResolver::lookup(git_repository* repo, const std::string& sha,
                                            const std::string& field)
{
    auto oid = parse(sha, field);
    if (!oid) {
        return oid.error();
    }
    return lookup(repo, *oid);
}

Result<CommitHandle> CommitResolver::lookup(git_repository* repo, const git_oid& oid)
{
    CommitHandle commit;
    const int rc = git_commit_lookup(commit.out(), repo, &oid);
    if (rc == GIT_ENOTFOUND) {
        return Error::notFound("commit " + hex(oid) + " does not exist in this repository");
    }
    if (rc < 0) {
        return GitError::capture(rc).toError(StatusCode::Internal,
                                             "cannot read commit " + hex(oid));
    }
    return commit;
}

Result<TreeHandle> CommitResolver::treeOf(const git_commit* commit)
{
    TreeHandle tree;
    if (const int rc = git_commit_tree(tree.out(), commit); rc < 0) {
        return GitError::capture(rc).toError(
            StatusCode::Internal, "cannot read the tree of commit " + hex(*git_commit_id(commit)));
    }
    return tree;
}

} // namespace builder::git
