#pragma once

#include "common/Result.h"
#include "git/GitCredential.h"
#include "git/ProbeOptions.h"
#include "git/RemoteInfo.h"

#include <string>

namespace builder::git {

// Checks that a remote is reachable, readable and (optionally) writable with the
// given credentials, and lists its refs, writing nothing to disk.
class RemoteProbe
{
public:
    // Blocking network I/O: call it off the GUI thread. Errors:
    //   NotFound          a local path that does not exist
    //   Unavailable       unreachable host, not a repository, TLS or protocol failure
    //   PermissionDenied  "authentication failed for <url>" or access refused
    //   InvalidArgument   an empty or malformed URL
    // Messages name the URL (user info masked) and never contain a secret.
    static common::Result<RemoteInfo> probe(const std::string& url, const GitCredential& cred,
                                            ProbeOptions opts = {});
};

} // namespace builder::git
