#include "git/MirrorFetcher.h"

#include "git/AnonymousRemote.h"
#include "git/GitBuffer.h"
#include "git/GitError.h"
#include "git/GitHandle.h"
#include "git/GitRuntime.h"
#include "git/LocalObjectSeeder.h"
#include "git/RemoteCallbacks.h"
#include "git/RemoteFailure.h"
#include "git/RemoteUrl.h"
#include "git/RepositoryOpener.h"
#include "git/SecretScrubber.h"

#include <git2.h>

#include <map>
#include <vector>

namespace builder::git {

using common::Error;
using common::Result;
using common::Status;
using common::StatusCode;

namespace {

// A mirror: the remote's branches and tags under the same names. Workspaces keep
// their own branches in their own repositories, so pruning here never hits them.
const char* kRefspecs[] = {"+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*"};
constexpr const char* kReflogMessage = "builder: mirror fetch";
constexpr const char* kHeadsPrefix = "refs/heads/";
constexpr const char* kTagsPrefix = "refs/tags/";
constexpr const char* kPeeledSuffix = "^{}";

Status setLocalConfig(git_repository* repo)
{
    ConfigHandle all;
    ConfigHandle local;
    int rc = git_repository_config(all.out(), repo);
    if (rc >= 0) {
        rc = git_config_open_level(local.out(), all.get(), GIT_CONFIG_LEVEL_LOCAL);
    }
    // Workspaces borrow this mirror's objects through alternates: a git gc run by
    // hand must never prune objects that only a workspace still needs.
    if (rc >= 0) {
        rc = git_config_set_int32(local.get(), "gc.auto", 0);
    }
    if (rc >= 0) {
        rc = git_config_set_string(local.get(), "gc.pruneExpire", "never");
    }
    if (rc >= 0) {
        rc = git_config_set_bool(local.get(), "core.logAllRefUpdates", 0);
    }
    if (rc < 0) {
        return GitError::capture(rc).toError(StatusCode::Internal,
                                             "cannot configure the mirror " +
                                                 std::string(git_repository_path(repo)));
    }
    return {};
}

Result<RepositoryHandle> openOrCreate(const std::string& gitDir, bool create)
{
    if (!create) {
        return RepositoryOpener::bare(gitDir, "mirror");
    }
    git_repository_init_options options = GIT_REPOSITORY_INIT_OPTIONS_INIT;
    options.flags = GIT_REPOSITORY_INIT_BARE | GIT_REPOSITORY_INIT_MKPATH;
    RepositoryHandle repo;
    if (const int rc = git_repository_init_ext(repo.out(), gitDir.c_str(), &options); rc < 0) {
        return GitError::capture(rc).toError(StatusCode::Internal,
                                             "cannot create the mirror " + gitDir);
    }
    if (auto configured = setLocalConfig(repo.get()); !configured) {
        return configured.error();
    }
    return repo;
}

// The remote's HEAD branch from the refs the fetch saw, and the mirror's HEAD set
// to it, so that tools opening the mirror see the remote's default branch.
std::string adoptDefaultBranch(git_repository* repo, git_remote* remote)
{
    GitBuffer buffer;
    if (git_remote_default_branch(buffer.get(), remote) < 0) {
        return {};
    }
    std::string ref = buffer.str();
    if (ref.rfind(kHeadsPrefix, 0) != 0) {
        return {};
    }
    ReferenceHandle local;
    if (git_reference_lookup(local.out(), repo, ref.c_str()) == 0) {
        // Best effort: a stale HEAD in the mirror changes nothing for workspaces.
        (void)git_repository_set_head(repo, ref.c_str());
    }
    return ref.substr(std::string(kHeadsPrefix).size());
}

// Makes the repository's object database see packs that appeared on disk.
Status refreshObjects(git_repository* repo)
{
    GitHandle<git_odb, git_odb_free> odb;
    int rc = git_repository_odb(odb.out(), repo);
    if (rc >= 0) {
        rc = git_odb_refresh(odb.get());
    }
    if (rc < 0) {
        return GitError::capture(rc).toError(StatusCode::Internal,
                                             "cannot read the seeded objects of " +
                                                 std::string(git_repository_path(repo)));
    }
    return {};
}

bool isMirrored(const std::string& name)
{
    return (name.rfind(kHeadsPrefix, 0) == 0 || name.rfind(kTagsPrefix, 0) == 0) &&
           name.find(kPeeledSuffix) == std::string::npos;
}

// Sets the mirror's refs/heads and refs/tags to exactly what the remote advertised
// (what git_remote_update_tips + git_remote_prune would do, without the FETCH_HEAD
// libgit2 1.5 writes, URL included, even when asked not to).
Status mirrorRefs(git_repository* repo, git_remote* remote)
{
    const git_remote_head** heads = nullptr;
    std::size_t count = 0;
    if (const int rc = git_remote_ls(&heads, &count, remote); rc < 0) {
        return GitError::capture(rc).toError(StatusCode::Internal, "cannot list the remote refs");
    }
    std::map<std::string, git_oid> wanted;
    for (std::size_t i = 0; i < count; ++i) {
        if (isMirrored(heads[i]->name)) {
            wanted.emplace(heads[i]->name, heads[i]->oid);
        }
    }
    for (const auto& [name, oid] : wanted) {
        git_oid current;
        if (git_reference_name_to_id(&current, repo, name.c_str()) == 0 &&
            git_oid_equal(&current, &oid) != 0) {
            continue;
        }
        ReferenceHandle ref;
        if (const int rc =
                git_reference_create(ref.out(), repo, name.c_str(), &oid, 1, kReflogMessage);
            rc < 0) {
            return GitError::capture(rc).toError(StatusCode::Internal, "cannot update " + name);
        }
    }
    std::vector<std::string> stale;
    {
        GitHandle<git_reference_iterator, git_reference_iterator_free> it;
        if (const int rc = git_reference_iterator_new(it.out(), repo); rc < 0) {
            return GitError::capture(rc).toError(StatusCode::Internal, "cannot list the refs");
        }
        const char* name = nullptr;
        while (git_reference_next_name(&name, it.get()) == 0) {
            if (isMirrored(name) && wanted.count(name) == 0) {
                stale.emplace_back(name);
            }
        }
    }
    for (const std::string& name : stale) {
        if (const int rc = git_reference_remove(repo, name.c_str()); rc < 0) {
            return GitError::capture(rc).toError(StatusCode::Internal, "cannot prune " + name);
        }
    }
    return {};
}

} // namespace

bool MirrorFetcher::isMirror(const std::string& path)
{
    return RepositoryOpener::bare(path, "mirror").ok();
}

Result<std::string> MirrorFetcher::fetch(const std::string& gitDir, bool create,
                                         const std::string& url, const GitCredential& credential,
                                         const common::CancelToken& cancel,
                                         const TransferProgressCallback& progress)
{
    if (auto init = GitRuntime::ensureInitialized(); !init) {
        return init.error();
    }
    const SecretScrubber scrubber(url, credential);
    if (url.empty() || !RemoteUrl::hasSupportedScheme(url)) {
        return scrubber.scrubError(
            Error::invalid("url", "string.uri", "unsupported or empty remote URL '" + url + "'"));
    }
    if (cancel.cancelled()) {
        return *cancel.reason();
    }
    auto repo = openOrCreate(gitDir, create);
    if (!repo) {
        return repo.error();
    }
    if (create && RemoteUrl::isLocal(url)) {
        auto seeded = LocalObjectSeeder::seed(RemoteUrl::localPath(url), gitDir, cancel, progress);
        if (!seeded) {
            return seeded.error();
        }
        if (seeded.value()) {
            if (auto refreshed = refreshObjects(repo->get()); !refreshed) {
                return refreshed.error();
            }
        }
    }
    auto remote = AnonymousRemote::create(repo->get(), url, scrubber);
    if (!remote) {
        return remote.error();
    }

    RemoteCallbacks callbacks(credential, url, cancel, progress);
    git_fetch_options options = GIT_FETCH_OPTIONS_INIT;
    callbacks.install(options.callbacks);
    // Refs are updated and pruned by mirrorRefs().
    options.update_fetchhead = 0;
    // Tags come through the refspec; no extra auto-follow pass.
    options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE;
    options.proxy_opts.type = GIT_PROXY_AUTO;
    options.follow_redirects = GIT_REMOTE_REDIRECT_INITIAL;
    git_strarray refspecs{const_cast<char**>(kRefspecs), std::size(kRefspecs)};

    // Captured at the failing call, before disconnecting can reset libgit2's error.
    if (const int rc = git_remote_download(remote->get(), &refspecs, &options); rc < 0) {
        const GitError failure = GitError::capture(rc);
        git_remote_disconnect(remote->get());
        if (callbacks.aborted() || cancel.cancelled()) {
            return cancel.reason().value_or(Error(StatusCode::Cancelled, "cancelled"));
        }
        return RemoteFailure::classify(failure, callbacks.credentials(), url, scrubber);
    }
    git_remote_disconnect(remote->get());
    if (auto updated = mirrorRefs(repo->get(), remote->get()); !updated) {
        return updated.error();
    }
    return adoptDefaultBranch(repo->get(), remote->get());
}

} // namespace builder::git
