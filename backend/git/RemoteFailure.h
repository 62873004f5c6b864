#pragma once

// Private to builder_git: includes libgit2 (through CredentialProvider.h).
#include "common/Error.h"
#include "git/CredentialProvider.h"
#include "git/GitError.h"
#include "git/SecretScrubber.h"

#include <string>

namespace builder::git {

// Turns a failed libgit2 network call (connect, fetch, push) into the error a
// user can act on, with every secret scrubbed from the message.
class RemoteFailure
{
public:
    // PermissionDenied when authentication failed or access was refused (HTTP
    // 403), Unavailable for everything else (unreachable host, TLS, protocol).
    static common::Error classify(const GitError& error, const CredentialProvider& provider,
                                  const std::string& url, const SecretScrubber& scrubber);
};

} // namespace builder::git
