#pragma once

// Private to builder_git: includes libgit2.
#include "common/Result.h"
#include "git/GitHandle.h"
#include "git/SecretScrubber.h"

#include <string>

namespace builder::git {

// An in-memory remote of a repository for one fetch or push: nothing about it is
// written to the repository's config, and url is used exactly as registered
// (url.*.insteadOf rules of the daemon user's git config are not applied; libgit2
// 1.5 also leaks memory on every insteadOf lookup).
class AnonymousRemote
{
public:
    // InvalidArgument (scrubbed) for a URL libgit2 cannot use.
    static common::Result<RemoteHandle> create(git_repository* repo, const std::string& url,
                                               const SecretScrubber& scrubber);
};

} // namespace builder::git
