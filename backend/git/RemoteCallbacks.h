#pragma once

// Private to builder_git: includes libgit2.
#include "common/CancelToken.h"
#include "git/CredentialProvider.h"
#include "git/TransferProgress.h"

#include <git2.h>

#include <string>
#include <vector>

namespace builder::git {

// Everything libgit2 calls back during one fetch or push: credentials (through
// CredentialProvider), cancellation (every progress callback checks the token and
// aborts the transfer once it fires) and the remote's per-ref push verdicts.
// Must outlive the libgit2 call it is installed into.
class RemoteCallbacks
{
public:
    // One ref the remote refused to update, with the remote's reason.
    struct Rejection
    {
        std::string ref;
        std::string reason;
    };

    RemoteCallbacks(const GitCredential& credential, const std::string& url,
                    common::CancelToken cancel, TransferProgressCallback progress = {});
    RemoteCallbacks(const RemoteCallbacks&) = delete;
    RemoteCallbacks& operator=(const RemoteCallbacks&) = delete;

    void install(git_remote_callbacks& callbacks);

    const CredentialProvider& credentials() const { return m_credentials; }
    // True once a callback aborted the transfer because the token was cancelled.
    bool aborted() const { return m_aborted; }
    const std::vector<Rejection>& rejections() const { return m_rejections; }
    const std::vector<std::string>& acceptedRefs() const { return m_accepted; }
    // What the remote printed ("remote: ..." lines, e.g. a hook's reason), the
    // first kMaxRemoteMessages bytes; not scrubbed.
    const std::string& remoteMessages() const { return m_remoteMessages; }

    static constexpr std::size_t kMaxRemoteMessages = 4096;

private:
    static int onCredentials(git_credential** out, const char* url, const char* usernameFromUrl,
                             unsigned int allowedTypes, void* payload);
    static int onTransfer(const git_indexer_progress* stats, void* payload);
    static int onSideband(const char* text, int length, void* payload);
    static int onPackProgress(int stage, std::uint32_t current, std::uint32_t total, void* payload);
    static int onPushTransfer(unsigned int current, unsigned int total, std::size_t bytes,
                              void* payload);
    static int onPushUpdate(const char* ref, const char* status, void* payload);

    // 0 to go on, GIT_EUSER (with a libgit2 error set) to abort.
    int checkCancelled();

    CredentialProvider m_credentials;
    common::CancelToken m_cancel;
    TransferProgressCallback m_progress;
    bool m_aborted = false;
    std::vector<Rejection> m_rejections;
    std::vector<std::string> m_accepted;
    std::string m_remoteMessages;
};

} // namespace builder::git
