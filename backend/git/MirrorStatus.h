#pragma once

#include <string>

namespace builder::git {

// The outcome of MirrorCache::ensure.
struct MirrorStatus
{
    std::string path;    // the bare mirror repository
    bool cloned = false; // the mirror was created by this call
    // The mirror now matches the remote (fetched, or just cloned). False with a
    // warning when the remote could not be reached and the old mirror is used.
    bool fetched = false;
    // Why the mirror may be stale (no secrets); empty when it is up to date.
    std::string warning;
    // The branch the remote's HEAD names ("main"); empty when unknown.
    std::string defaultBranch;
};

} // namespace builder::git
