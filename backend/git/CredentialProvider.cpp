#include "git/CredentialProvider.h"

#include "git/RemoteUrl.h"

#include <algorithm>

namespace builder::git {

CredentialProvider::CredentialProvider(const GitCredential& credential, const std::string& url)
    : m_credential(credential), m_host(RemoteUrl::host(url))
{}

void CredentialProvider::install(git_remote_callbacks& callbacks)
{
    callbacks.credentials = &CredentialProvider::callback;
    callbacks.payload = this;
}

int CredentialProvider::callback(git_credential** out, const char* url, const char* usernameFromUrl,
                                 unsigned int allowedTypes, void* payload)
{
    // No exception may cross libgit2's C frames.
    try {
        return static_cast<CredentialProvider*>(payload)->provide(out, url, usernameFromUrl,
                                                                  allowedTypes);
    } catch (...) {
        git_error_set_str(GIT_ERROR_CALLBACK, "credential callback failed");
        return GIT_EUSER;
    }
}

int CredentialProvider::provide(git_credential** out, const char* url, const char* usernameFromUrl,
                                unsigned int allowedTypes)
{
    if (m_failed) {
        return refuse(m_reason);
    }
    // Asked again for the same types: the remote rejected what we sent.
    if (std::find(m_askedFor.begin(), m_askedFor.end(), allowedTypes) != m_askedFor.end()) {
        return refuse("the remote rejected the credentials");
    }
    m_askedFor.push_back(allowedTypes);

    // An (initial) redirect may move the connection to another host; the
    // credentials belong to the configured one only.
    if (url != nullptr && RemoteUrl::host(url) != m_host) {
        return refuse("refusing to send credentials to a host other than " + m_host);
    }

    switch (m_credential.kind) {
    case GitCredential::Kind::None:
        return refuse("the remote requires credentials and none are configured");
    case GitCredential::Kind::SshKey:
        return provideSshKey(out, usernameFromUrl, allowedTypes);
    case GitCredential::Kind::Token:
    case GitCredential::Kind::Basic:
    case GitCredential::Kind::OAuth:
        return provideUserPass(out, allowedTypes);
    }
    return refuse("unknown credential kind");
}

int CredentialProvider::provideUserPass(git_credential** out, unsigned int allowedTypes)
{
    if ((allowedTypes & GIT_CREDENTIAL_USERPASS_PLAINTEXT) == 0) {
        return refuse("the remote does not accept a user name and password or token; "
                      "use an SSH key for this URL");
    }
    std::string user = m_credential.username;
    if (m_credential.kind == GitCredential::Kind::OAuth) {
        user = kOAuthUser;
    } else if (m_credential.kind == GitCredential::Kind::Token && user.empty()) {
        user = kTokenUser;
    }
    return git_credential_userpass_plaintext_new(out, user.c_str(), m_credential.secret.c_str());
}

int CredentialProvider::provideSshKey(git_credential** out, const char* usernameFromUrl,
                                      unsigned int allowedTypes)
{
    std::string user = usernameFromUrl != nullptr ? usernameFromUrl : "";
    if (user.empty()) {
        user = m_credential.username.empty() ? kSshUser : m_credential.username;
    }
    // ssh first asks who we are, then how we prove it.
    if ((allowedTypes & GIT_CREDENTIAL_USERNAME) != 0) {
        return git_credential_username_new(out, user.c_str());
    }
    if ((allowedTypes & GIT_CREDENTIAL_SSH_MEMORY) == 0) {
        if ((allowedTypes & GIT_CREDENTIAL_SSH_KEY) != 0) {
            // Never fall back to a key file: the key must not touch the disk.
            return refuse("this libgit2 build cannot use SSH keys held in memory");
        }
        return refuse("the remote does not accept SSH keys; use a token or password for this URL");
    }
    const char* passphrase =
        m_credential.sshPassphrase.empty() ? nullptr : m_credential.sshPassphrase.c_str();
    const int rc = git_credential_ssh_key_memory_new(
        out, user.c_str(), nullptr, m_credential.sshPrivateKey.c_str(), passphrase);
    if (rc < 0) {
        return refuse("this libgit2 build cannot use SSH keys held in memory");
    }
    return rc;
}

int CredentialProvider::refuse(std::string reason)
{
    m_failed = true;
    m_reason = std::move(reason);
    git_error_set_str(GIT_ERROR_CALLBACK, "authentication failed");
    return GIT_EAUTH;
}

} // namespace builder::git
