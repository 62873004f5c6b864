#include "git/Pusher.h"

#include "common/GitRefName.h"
#include "git/AnonymousRemote.h"
#include "git/CommitResolver.h"
#include "git/GitError.h"
#include "git/GitHandle.h"
#include "git/GitRuntime.h"
#include "git/RemoteCallbacks.h"
#include "git/RemoteFailure.h"
#include "git/RemoteUrl.h"
#include "git/RepositoryOpener.h"
#include "git/SecretScrubber.h"

#include <git2.h>

#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <random>

namespace builder::git {

using common::Error;
using common::Result;
using common::Status;
using common::StatusCode;

namespace {

constexpr const char* kHeadsPrefix = "refs/heads/";
constexpr const char* kPushRefPrefix = "refs/builder/push/";

Status validate(const std::string& url, const std::string& localSha,
                const std::string& remoteBranch, const SecretScrubber& scrubber)
{
    if (url.empty() || !RemoteUrl::hasSupportedScheme(url)) {
        return scrubber.scrubError(
            Error::invalid("url", "string.uri", "unsupported or empty remote URL '" + url + "'"));
    }
    if (auto sha = CommitResolver::parse(localSha, "local_sha"); !sha) {
        return sha.error();
    }
    if (const std::string problem = common::GitRefName::branchNameProblem(remoteBranch);
        !problem.empty()) {
        return Error::invalid("remote_branch", "git.branch_name",
                              "remote_branch '" + remoteBranch +
                                  "' is not a valid branch name: " + problem);
    }
    return {};
}

// The connection's advertised value of refName, if the remote has it.
Result<std::optional<git_oid>> advertised(git_remote* remote, const std::string& refName,
                                          const std::string& url, const SecretScrubber& scrubber)
{
    const git_remote_head** heads = nullptr;
    std::size_t count = 0;
    if (const int rc = git_remote_ls(&heads, &count, remote); rc < 0) {
        return scrubber.scrubError(GitError::capture(rc).toError(StatusCode::Unavailable,
                                                                 "cannot list the refs of " + url));
    }
    for (std::size_t i = 0; i < count; ++i) {
        if (refName == heads[i]->name) {
            return std::optional<git_oid>(heads[i]->oid);
        }
    }
    return std::optional<git_oid>();
}

Error transferFailure(int rc, const RemoteCallbacks& callbacks, const common::CancelToken& cancel,
                      const std::string& url, const SecretScrubber& scrubber)
{
    const GitError error = GitError::capture(rc);
    if (callbacks.aborted() || cancel.cancelled()) {
        return cancel.reason().value_or(Error(StatusCode::Cancelled, "cancelled"));
    }
    return RemoteFailure::classify(error, callbacks.credentials(), url, scrubber);
}

// The remote's progress and hook output on one line, progress counters left out.
std::string remoteSaid(const std::string& messages)
{
    std::string said;
    std::size_t start = 0;
    while (start < messages.size()) {
        std::size_t end = messages.find_first_of("\r\n", start);
        if (end == std::string::npos) {
            end = messages.size();
        }
        std::string line = messages.substr(start, end - start);
        const bool progress = line.find('%') != std::string::npos;
        if (!line.empty() && !progress) {
            said += (said.empty() ? "" : "; ") + line;
        }
        start = end + 1;
    }
    return said;
}

// A local ref naming the commit for the duration of one push: libgit2 1.5 accepts
// only references, not object ids, as the source of a push refspec.
class TemporaryRef
{
public:
    static Result<std::unique_ptr<TemporaryRef>> create(git_repository* repo, const git_oid& oid)
    {
        std::random_device random;
        char suffix[17];
        std::snprintf(suffix, sizeof(suffix), "%08x%08x", random(), random());
        auto ref = std::unique_ptr<TemporaryRef>(
            new TemporaryRef(repo, std::string(kPushRefPrefix) + suffix));
        ReferenceHandle handle;
        if (const int rc = git_reference_create(handle.out(), repo, ref->m_name.c_str(), &oid, 1,
                                                "builder: push");
            rc < 0) {
            ref->m_name.clear();
            return GitError::capture(rc).toError(StatusCode::Internal,
                                                 "cannot name the commit to push");
        }
        return ref;
    }
    ~TemporaryRef()
    {
        if (!m_name.empty()) {
            // Best effort: a leftover ref under refs/builder/push/ harms nothing.
            (void)git_reference_remove(m_repo, m_name.c_str());
        }
    }
    TemporaryRef(const TemporaryRef&) = delete;
    TemporaryRef& operator=(const TemporaryRef&) = delete;
    const std::string& name() const { return m_name; }

private:
    TemporaryRef(git_repository* repo, std::string name) : m_repo(repo), m_name(std::move(name)) {}
    git_repository* m_repo;
    std::string m_name;
};

// Disconnects on every path out of push().
class Connection
{
public:
    explicit Connection(git_remote* remote) : m_remote(remote) {}
    ~Connection() { git_remote_disconnect(m_remote); }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

private:
    git_remote* m_remote;
};

} // namespace

Result<PushResult>
Pusher::push(const std::string& repositoryPath, const std::string& url,
             const GitCredential& credential, const std::string& localSha,
             const std::string& remoteBranch, const common::CancelToken& cancel,
             std::optional<std::chrono::system_clock::time_point> staleLocksBefore)
{
    auto result = pushOnce(repositoryPath, url, credential, localSha, remoteBranch, cancel);
    if (result.ok() || !staleLocksBefore || !RemoteUrl::isLocal(url) ||
        result.error().code() != common::StatusCode::Unavailable ||
        result.error().message().find("failed to lock") == std::string::npos)
        return result;
    // The branch's ref lock in the remote, bare or not.
    const std::filesystem::path remote = RemoteUrl::localPath(url);
    const auto relative = std::filesystem::path(std::string(kHeadsPrefix) + remoteBranch + ".lock");
    for (const auto& lock : {remote / relative, remote / ".git" / relative}) {
        struct stat st
        {};
        if (::lstat(lock.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        const auto written = std::chrono::system_clock::from_time_t(st.st_mtime);
        if (written >= *staleLocksBefore ||
            std::chrono::system_clock::now() - written < std::chrono::seconds(10))
            return result;
        std::error_code ec;
        std::filesystem::remove(lock, ec);
        if (ec)
            return result;
        return pushOnce(repositoryPath, url, credential, localSha, remoteBranch, cancel);
    }
    return result;
}

Result<PushResult> Pusher::pushOnce(const std::string& repositoryPath, const std::string& url,
                                    const GitCredential& credential, const std::string& localSha,
                                    const std::string& remoteBranch,
                                    const common::CancelToken& cancel)
{
    if (auto init = GitRuntime::ensureInitialized(); !init) {
        return init.error();
    }
    const SecretScrubber scrubber(url, credential);
    if (auto valid = validate(url, localSha, remoteBranch, scrubber); !valid) {
        return valid.error();
    }
    auto repo = RepositoryOpener::any(repositoryPath, "repository");
    if (!repo) {
        return repo.error();
    }
    auto local = CommitResolver::lookup(repo->get(), localSha, "local_sha");
    if (!local) {
        return local.error();
    }
    const git_oid localId = *git_commit_id(local->get());
    if (cancel.cancelled()) {
        return *cancel.reason();
    }

    auto remote = AnonymousRemote::create(repo->get(), url, scrubber);
    if (!remote) {
        return remote.error();
    }
    RemoteCallbacks callbacks(credential, url, cancel);
    git_remote_connect_options connectOptions = GIT_REMOTE_CONNECT_OPTIONS_INIT;
    callbacks.install(connectOptions.callbacks);
    connectOptions.proxy_opts.type = GIT_PROXY_AUTO;
    connectOptions.follow_redirects = GIT_REMOTE_REDIRECT_INITIAL;
    if (const int rc = git_remote_connect_ext(remote->get(), GIT_DIRECTION_PUSH, &connectOptions);
        rc < 0) {
        return transferFailure(rc, callbacks, cancel, url, scrubber);
    }
    const Connection connection(remote->get());

    const std::string refName = kHeadsPrefix + remoteBranch;
    auto current = advertised(remote->get(), refName, url, scrubber);
    if (!current) {
        return current.error();
    }
    if (current->has_value()) {
        const git_oid& remoteId = **current;
        if (git_oid_equal(&remoteId, &localId) != 0) {
            return PushResult{false, true, localSha};
        }
        // 1 only when the remote commit is known here and an ancestor of localSha.
        if (git_graph_descendant_of(repo->get(), &localId, &remoteId) != 1) {
            return Error::failedPrecondition(
                scrubber.scrub("remote branch " + remoteBranch + " of " + url + " is at " +
                               CommitResolver::hex(remoteId) + ", which is not an ancestor of " +
                               localSha + "; refusing to overwrite it (no force push)"));
        }
    }

    // The push names the advertised old value, so a concurrent update of the
    // branch makes the remote refuse instead of being overwritten.
    auto source = TemporaryRef::create(repo->get(), localId);
    if (!source) {
        return source.error();
    }
    const std::string refspec = (*source)->name() + ":" + refName;
    char* specs[] = {const_cast<char*>(refspec.c_str())};
    const git_strarray refspecs{specs, 1};
    git_push_options pushOptions = GIT_PUSH_OPTIONS_INIT;
    callbacks.install(pushOptions.callbacks);
    pushOptions.proxy_opts.type = GIT_PROXY_AUTO;
    pushOptions.follow_redirects = GIT_REMOTE_REDIRECT_INITIAL;
    if (const int rc = git_remote_upload(remote->get(), &refspecs, &pushOptions); rc < 0) {
        return transferFailure(rc, callbacks, cancel, url, scrubber);
    }
    if (!callbacks.rejections().empty()) {
        const auto& rejection = callbacks.rejections().front();
        std::string message = "the remote " + url + " rejected the update of " + rejection.ref +
                              ": " + rejection.reason;
        if (const std::string said = remoteSaid(callbacks.remoteMessages()); !said.empty()) {
            message += " (remote said: " + said + ")";
        }
        // A ref someone else holds locked is contention, worth another try later.
        if (rejection.reason.find("failed to lock") != std::string::npos)
            return Error(common::StatusCode::Unavailable, scrubber.scrub(message));
        return Error::failedPrecondition(scrubber.scrub(message));
    }
    return PushResult{true, false, localSha};
}

} // namespace builder::git
