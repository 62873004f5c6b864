#pragma once

#include <string>

namespace builder::git {

// Credentials for one remote. Held in memory only: builder_git never writes them
// to disk (no key files, no .git/config) and never puts them in an error message.
struct GitCredential
{
    enum class Kind
    {
        None,
        SshKey,
        Token,
        Basic,
        OAuth
    };

    Kind kind = Kind::None;
    // Token: optional, "x-access-token" when empty. Basic: the user name.
    // SshKey: used when the URL names no user, "git" when both are empty.
    // OAuth: ignored, the user name is always "oauth2".
    std::string username;
    std::string secret;        // token, password or OAuth access token
    std::string sshPrivateKey; // the private key text (PEM or OpenSSH format)
    std::string sshPassphrase; // empty for an unencrypted key
};

} // namespace builder::git
