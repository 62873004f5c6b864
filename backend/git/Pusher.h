#pragma once

#include "common/CancelToken.h"
#include "common/Result.h"
#include "git/GitCredential.h"
#include "git/PushResult.h"

#include <chrono>
#include <optional>
#include <string>

namespace builder::git {

// Delivers a commit to a branch of a remote, idempotently and never destructively:
// the remote ref is read first, a push that already happened is reported as such,
// and a branch holding commits this repository does not have is never
// overwritten (no force push). Credentials reach libgit2 only through callbacks.
class Pusher
{
public:
    // repositoryPath: a workspace or a mirror holding localSha.
    // Errors: InvalidArgument (sha, branch name, URL), NotFound (repository or
    // commit), FailedPrecondition (the remote branch is not an ancestor of
    // localSha, or the remote rejected the update: the message says why),
    // PermissionDenied, Unavailable (also: the branch's ref is locked by
    // someone), and the token's reason when cancelled.
    //
    // staleLocksBefore: for a remote that is a local path, a lock file on the
    // branch's ref written before this time (and at least 10 s old) is taken to
    // be left by a process that died mid-push (builderd killed during
    // delivery): it is removed and the push tried once more.
    static common::Result<PushResult>
    push(const std::string& repositoryPath, const std::string& url, const GitCredential& credential,
         const std::string& localSha, const std::string& remoteBranch,
         const common::CancelToken& cancel,
         std::optional<std::chrono::system_clock::time_point> staleLocksBefore = std::nullopt);

private:
    static common::Result<PushResult>
    pushOnce(const std::string& repositoryPath, const std::string& url,
             const GitCredential& credential, const std::string& localSha,
             const std::string& remoteBranch, const common::CancelToken& cancel);
};

} // namespace builder::git
