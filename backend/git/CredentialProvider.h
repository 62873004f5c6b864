#pragma once

// Private to builder_git: includes libgit2.
#include "git/GitCredential.h"

#include <git2.h>

#include <string>
#include <vector>

namespace builder::git {

// The only way a GitCredential reaches libgit2: its credential callback. One
// provider serves one connection attempt and refuses a second request for the
// same credential types, because libgit2 keeps asking while the remote rejects.
class CredentialProvider
{
public:
    static constexpr const char* kTokenUser = "x-access-token";
    static constexpr const char* kOAuthUser = "oauth2";
    static constexpr const char* kSshUser = "git";

    // credential must outlive the provider; url is the remote as configured.
    CredentialProvider(const GitCredential& credential, const std::string& url);

    CredentialProvider(const CredentialProvider&) = delete;
    CredentialProvider& operator=(const CredentialProvider&) = delete;

    // Fills callbacks so that libgit2 asks this provider for credentials.
    void install(git_remote_callbacks& callbacks);

    // libgit2's credential callback; payload is the provider. Public so that a
    // caller installing its own payload (RemoteCallbacks) can forward to it.
    static int callback(git_credential** out, const char* url, const char* usernameFromUrl,
                        unsigned int allowedTypes, void* payload);

    // True once the provider refused to (re)send credentials; the connection
    // failure is then an authentication failure, whatever libgit2 reports.
    bool authenticationFailed() const { return m_failed; }
    // Why it refused, without any secret.
    const std::string& failureReason() const { return m_reason; }

private:
    int provide(git_credential** out, const char* url, const char* usernameFromUrl,
                unsigned int allowedTypes);
    int provideUserPass(git_credential** out, unsigned int allowedTypes);
    int provideSshKey(git_credential** out, const char* usernameFromUrl, unsigned int allowedTypes);
    int refuse(std::string reason);

    const GitCredential& m_credential;
    std::string m_host;
    std::vector<unsigned int> m_askedFor;
    bool m_failed = false;
    std::string m_reason;
};

} // namespace builder::git
