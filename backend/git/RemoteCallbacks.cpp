#include "git/RemoteCallbacks.h"

#include <algorithm>

namespace builder::git {

namespace {

RemoteCallbacks* self(void* payload)
{
    return static_cast<RemoteCallbacks*>(payload);
}

} // namespace

RemoteCallbacks::RemoteCallbacks(const GitCredential& credential, const std::string& url,
                                 common::CancelToken cancel, TransferProgressCallback progress)
    : m_credentials(credential, url), m_cancel(std::move(cancel)), m_progress(std::move(progress))
{}

void RemoteCallbacks::install(git_remote_callbacks& callbacks)
{
    callbacks.credentials = &RemoteCallbacks::onCredentials;
    callbacks.transfer_progress = &RemoteCallbacks::onTransfer;
    callbacks.sideband_progress = &RemoteCallbacks::onSideband;
    callbacks.pack_progress = &RemoteCallbacks::onPackProgress;
    callbacks.push_transfer_progress = &RemoteCallbacks::onPushTransfer;
    callbacks.push_update_reference = &RemoteCallbacks::onPushUpdate;
    callbacks.payload = this;
}

int RemoteCallbacks::checkCancelled()
{
    if (!m_cancel.cancelled()) {
        return 0;
    }
    m_aborted = true;
    git_error_set_str(GIT_ERROR_CALLBACK, "the transfer was cancelled");
    return GIT_EUSER;
}

int RemoteCallbacks::onCredentials(git_credential** out, const char* url,
                                   const char* usernameFromUrl, unsigned int allowedTypes,
                                   void* payload)
{
    if (const int rc = self(payload)->checkCancelled(); rc != 0) {
        return rc;
    }
    return CredentialProvider::callback(out, url, usernameFromUrl, allowedTypes,
                                        &self(payload)->m_credentials);
}

int RemoteCallbacks::onTransfer(const git_indexer_progress* stats, void* payload)
{
    RemoteCallbacks* callbacks = self(payload);
    if (callbacks->m_progress && stats != nullptr) {
        // No exception may cross libgit2's C frames.
        try {
            callbacks->m_progress({stats->total_objects, stats->received_objects,
                                   stats->indexed_objects, stats->received_bytes});
        } catch (...) {
            git_error_set_str(GIT_ERROR_CALLBACK, "the progress callback failed");
            return GIT_EUSER;
        }
    }
    return callbacks->checkCancelled();
}

int RemoteCallbacks::onSideband(const char* text, int length, void* payload)
{
    RemoteCallbacks* callbacks = self(payload);
    std::string& messages = callbacks->m_remoteMessages;
    if (text != nullptr && length > 0 && messages.size() < kMaxRemoteMessages) {
        try {
            messages.append(text, std::min<std::size_t>(std::size_t(length),
                                                        kMaxRemoteMessages - messages.size()));
        } catch (...) {
            git_error_set_str(GIT_ERROR_CALLBACK, "cannot record the remote's message");
            return GIT_EUSER;
        }
    }
    return callbacks->checkCancelled();
}

int RemoteCallbacks::onPackProgress(int, std::uint32_t, std::uint32_t, void* payload)
{
    return self(payload)->checkCancelled();
}

int RemoteCallbacks::onPushTransfer(unsigned int, unsigned int, std::size_t, void* payload)
{
    return self(payload)->checkCancelled();
}

int RemoteCallbacks::onPushUpdate(const char* ref, const char* status, void* payload)
{
    RemoteCallbacks* callbacks = self(payload);
    const std::string name = ref != nullptr ? ref : "";
    try {
        if (status != nullptr) {
            callbacks->m_rejections.push_back({name, status});
        } else {
            callbacks->m_accepted.push_back(name);
        }
    } catch (...) {
        git_error_set_str(GIT_ERROR_CALLBACK, "cannot record the push status");
        return GIT_EUSER;
    }
    return 0;
}

} // namespace builder::git
