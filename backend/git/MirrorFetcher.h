#pragma once

#include "common/CancelToken.h"
#include "common/Result.h"
#include "git/GitCredential.h"
#include "git/TransferProgress.h"

#include <string>

namespace builder::git {

// Brings one bare mirror repository up to date: every branch and tag of the remote,
// refs the remote deleted pruned. The URL is used for this call only: no remote,
// no FETCH_HEAD and no reflog entry records it, so no secret reaches the disk.
class MirrorFetcher
{
public:
    // True when path is a bare repository libgit2 can open.
    static bool isMirror(const std::string& path);

    // Creates the bare repository at gitDir first when create is set; a new mirror of
    // a repository on the local disk gets its object files first (LocalObjectSeeder),
    // so the fetch transfers nothing. Returns the remote's default branch (empty when
    // it has none) and points HEAD at it.
    // Errors: Cancelled / DeadlineExceeded (the token's reason), PermissionDenied,
    // Unavailable, InvalidArgument (bad URL), Internal (local repository trouble).
    static common::Result<std::string> fetch(const std::string& gitDir, bool create,
                                             const std::string& url,
                                             const GitCredential& credential,
                                             const common::CancelToken& cancel,
                                             const TransferProgressCallback& progress);
};

} // namespace builder::git
