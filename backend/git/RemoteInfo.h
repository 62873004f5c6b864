#pragma once

#include "git/RemoteRef.h"

#include <string>
#include <vector>

namespace builder::git {

// What a probe learned about a remote without cloning it.
struct RemoteInfo
{
    // Short name of the branch the remote's HEAD points to ("main"); empty when
    // the remote has no HEAD or no refs (an empty repository).
    std::string defaultBranch;
    // Advertised refs, HEAD and peeled tag entries ("^{}") left out.
    std::vector<RemoteRef> refs;
    bool canRead = false;
    bool canWrite = false;
    // Why canWrite is false after a write check (no secrets); empty otherwise.
    std::string writeDeniedReason;
};

} // namespace builder::git
