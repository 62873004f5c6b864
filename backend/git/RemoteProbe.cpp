#include "git/RemoteProbe.h"

#include "git/CredentialProvider.h"
#include "git/GitBuffer.h"
#include "git/GitError.h"
#include "git/GitHandle.h"
#include "git/GitRuntime.h"
#include "git/RemoteFailure.h"
#include "git/RemoteUrl.h"
#include "git/SecretScrubber.h"

#include <git2.h>
#include <unistd.h>

#include <filesystem>
#include <string_view>
#include <vector>

namespace builder::git {

using common::Error;
using common::Result;
using common::Status;
using common::StatusCode;

namespace {

constexpr std::string_view kHead = "HEAD";
constexpr std::string_view kHeadsPrefix = "refs/heads/";
constexpr std::string_view kPeeledSuffix = "^{}";
constexpr std::string_view kPreferredBranches[] = {"main", "master"};

// Every error leaving this file goes through here.
Error scrubbed(const SecretScrubber& scrubber, const Error& error)
{
    return scrubber.scrubError(error);
}

Error scrubbed(const SecretScrubber& scrubber, StatusCode code, std::string message)
{
    return scrubbed(scrubber, Error(code, std::move(message)));
}

// The git dir of a local remote. Opened without searching upwards: a folder inside
// a repository is not that repository, as for `git clone <path>`.
Result<std::string> openLocalRepository(const std::string& url, const SecretScrubber& scrubber)
{
    const std::string path = RemoteUrl::localPath(url);
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        return scrubbed(scrubber, StatusCode::NotFound,
                        "remote repository " + url + " does not exist");
    }
    RepositoryHandle repo;
    const int rc =
        git_repository_open_ext(repo.out(), path.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr);
    if (rc == GIT_ENOTFOUND) {
        return scrubbed(scrubber, StatusCode::Unavailable, url + " is not a git repository");
    }
    if (rc < 0) {
        return scrubbed(scrubber,
                        GitError::capture(rc).toError(StatusCode::Unavailable,
                                                      "cannot open remote repository " + url));
    }
    return std::string(git_repository_path(repo.get()));
}

// provider must stay alive until the remote is disconnected: libgit2 keeps the callbacks.
Status connect(git_remote* remote, git_direction direction, CredentialProvider& provider,
               const std::string& url, const SecretScrubber& scrubber)
{
    git_remote_connect_options options = GIT_REMOTE_CONNECT_OPTIONS_INIT;
    provider.install(options.callbacks);
    // Honour http(s)_proxy / no_proxy like git does.
    options.proxy_opts.type = GIT_PROXY_AUTO;
    // libgit2's default, spelled out: the first request may be redirected (renamed
    // repositories), later ones may not; CredentialProvider refuses other hosts.
    options.follow_redirects = GIT_REMOTE_REDIRECT_INITIAL;
    // No connect timeout: libgit2 1.5 has none (GIT_OPT_SET_SERVER_CONNECT_TIMEOUT
    // came in 1.7), so an unresponsive host blocks until the OS gives up on the TCP
    // connect. Callers run probes on worker threads and bound them there.
    const int rc = git_remote_connect_ext(remote, direction, &options);
    if (rc < 0) {
        return RemoteFailure::classify(GitError::capture(rc), provider, url, scrubber);
    }
    return {};
}

Result<RemoteHandle> createRemote(const std::string& url, const SecretScrubber& scrubber)
{
    RemoteHandle remote;
    // Detached: no repository, so nothing is written to any .git/config.
    if (const int rc = git_remote_create_detached(remote.out(), url.c_str()); rc < 0) {
        return scrubbed(scrubber, GitError::capture(rc).toError(StatusCode::InvalidArgument,
                                                                "invalid remote URL " + url));
    }
    return remote;
}

// A detached (or symref-less) HEAD: the branch at the same commit, preferring
// main, then master, else the first one advertised; empty when none matches.
std::string guessDetachedHeadBranch(const git_remote_head** heads, std::size_t count)
{
    std::vector<std::string_view> matches;
    for (std::size_t i = 1; i < count; ++i) {
        const std::string_view name = heads[i]->name;
        if (name.starts_with(kHeadsPrefix) && git_oid_equal(&heads[i]->oid, &heads[0]->oid)) {
            matches.push_back(name);
        }
    }
    for (std::string_view preferred : kPreferredBranches) {
        for (std::string_view name : matches) {
            if (name.substr(kHeadsPrefix.size()) == preferred) {
                return std::string(name);
            }
        }
    }
    return matches.empty() ? std::string() : std::string(matches.front());
}

// Reads the advertised refs and HEAD of a connected remote into info.
Status readRefs(git_remote* remote, const std::string& url, const SecretScrubber& scrubber,
                RemoteInfo& info)
{
    const git_remote_head** heads = nullptr;
    std::size_t count = 0;
    if (const int rc = git_remote_ls(&heads, &count, remote); rc < 0) {
        return scrubbed(scrubber, GitError::capture(rc).toError(StatusCode::Unavailable,
                                                                "cannot list the refs of " + url));
    }
    for (std::size_t i = 0; i < count; ++i) {
        const std::string_view name = heads[i]->name;
        if (name == kHead || name.ends_with(kPeeledSuffix)) {
            continue;
        }
        char hex[GIT_OID_HEXSZ + 1] = {};
        git_oid_tostr(hex, sizeof(hex), &heads[i]->oid);
        info.refs.push_back({std::string(name), hex});
    }

    // The transport lists HEAD first when it resolves; an empty repository or an
    // unborn HEAD is not advertised, and then there is no default branch.
    if (count == 0 || heads[0]->name != kHead) {
        return {};
    }
    std::string branch;
    if (heads[0]->symref_target != nullptr) {
        GitBuffer buffer;
        if (const int rc = git_remote_default_branch(buffer.get(), remote); rc < 0) {
            return scrubbed(
                scrubber, GitError::capture(rc).toError(
                              StatusCode::Unavailable, "cannot read the default branch of " + url));
        }
        branch = buffer.str();
    } else {
        // Without the symref libgit2 1.5 would guess using the remote's repository,
        // which a detached remote lacks (it crashes), so guess here as git clone does.
        branch = guessDetachedHeadBranch(heads, count);
    }
    if (branch.starts_with(kHeadsPrefix)) {
        branch.erase(0, kHeadsPrefix.size());
    }
    info.defaultBranch = std::move(branch);
    return {};
}

// Sets info.canWrite, or info.writeDeniedReason when writing is not possible.
void checkWrite(const std::string& url, const GitCredential& cred, const std::string& localGitDir,
                const SecretScrubber& scrubber, RemoteInfo& info)
{
    auto remote = createRemote(url, scrubber);
    if (!remote) {
        info.writeDeniedReason = remote.error().message();
        return;
    }
    CredentialProvider provider(cred, url);
    if (auto connected = connect(remote->get(), GIT_DIRECTION_PUSH, provider, url, scrubber);
        !connected) {
        info.writeDeniedReason = connected.error().message();
        return;
    }
    git_remote_disconnect(remote->get());
    // The local transport accepts a push connection to any readable repository;
    // the push itself needs to write objects and refs into its git dir.
    if (!localGitDir.empty() && ::access(localGitDir.c_str(), W_OK) != 0) {
        info.writeDeniedReason =
            scrubber.scrub("remote repository " + url + " is not writable by this process");
        return;
    }
    info.canWrite = true;
}

} // namespace

Result<RemoteInfo> RemoteProbe::probe(const std::string& url, const GitCredential& cred,
                                      ProbeOptions opts)
{
    if (auto init = GitRuntime::ensureInitialized(); !init) {
        return init.error();
    }
    if (url.empty()) {
        return Error::invalid("url", "string.min_len", "the remote URL must not be empty");
    }
    const SecretScrubber scrubber(url, cred);
    if (!RemoteUrl::hasSupportedScheme(url)) {
        return scrubbed(scrubber, StatusCode::InvalidArgument,
                        "unsupported URL scheme in " + url +
                            "; use https://, ssh://, git://, file:// or a path");
    }

    std::string localGitDir;
    if (RemoteUrl::isLocal(url)) {
        auto gitDir = openLocalRepository(url, scrubber);
        if (!gitDir) {
            return gitDir.error();
        }
        localGitDir = std::move(gitDir).value();
    }

    RemoteInfo info;
    {
        auto remote = createRemote(url, scrubber);
        if (!remote) {
            return remote.error();
        }
        CredentialProvider provider(cred, url);
        if (auto connected = connect(remote->get(), GIT_DIRECTION_FETCH, provider, url, scrubber);
            !connected) {
            return connected.error();
        }
        auto read = readRefs(remote->get(), url, scrubber, info);
        git_remote_disconnect(remote->get());
        if (!read) {
            return read.error();
        }
        info.canRead = true;
    }

    if (opts.checkWrite) {
        checkWrite(url, cred, localGitDir, scrubber, info);
    }
    return info;
}

} // namespace builder::git
