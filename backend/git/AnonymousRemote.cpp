#include "git/AnonymousRemote.h"

#include "git/GitError.h"

namespace builder::git {

common::Result<RemoteHandle> AnonymousRemote::create(git_repository* repo, const std::string& url,
                                                     const SecretScrubber& scrubber)
{
    git_remote_create_options options = GIT_REMOTE_CREATE_OPTIONS_INIT;
    options.repository = repo;
    options.flags = GIT_REMOTE_CREATE_SKIP_INSTEADOF | GIT_REMOTE_CREATE_SKIP_DEFAULT_FETCHSPEC;
    RemoteHandle remote;
    if (const int rc = git_remote_create_with_opts(remote.out(), url.c_str(), &options); rc < 0) {
        return scrubber.scrubError(GitError::capture(rc).toError(
            common::StatusCode::InvalidArgument, "invalid remote URL " + url));
    }
    return remote;
}

} // namespace builder::git
