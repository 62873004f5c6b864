#include "git/RemoteFailure.h"

#include <git2.h>

#include <string_view>

namespace builder::git {

using common::Error;
using common::StatusCode;

namespace {

// libgit2 1.5 reports HTTP statuses only in its message text.
constexpr std::string_view kHttpForbidden = "status code: 403";

} // namespace

Error RemoteFailure::classify(const GitError& error, const CredentialProvider& provider,
                              const std::string& url, const SecretScrubber& scrubber)
{
    if (provider.authenticationFailed() || error.code() == GIT_EAUTH) {
        const std::string& reason =
            provider.authenticationFailed() ? provider.failureReason() : error.message();
        return scrubber.scrubError(
            {StatusCode::PermissionDenied, "authentication failed for " + url + ": " + reason});
    }
    if (error.code() == GIT_ECERTIFICATE) {
        return scrubber.scrubError(
            {StatusCode::Unavailable,
             "the TLS certificate of " + url + " was not accepted: " + error.message()});
    }
    if (error.message().find(kHttpForbidden) != std::string::npos) {
        return scrubber.scrubError({StatusCode::PermissionDenied,
                                    "access to " + url + " was refused: " + error.message()});
    }
    return scrubber.scrubError({StatusCode::Unavailable,
                                "cannot reach remote repository " + url + ": " + error.message()});
}

} // namespace builder::git
