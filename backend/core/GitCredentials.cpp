#include "GitCredentials.h"

namespace builder::core {

namespace rv1 = feature::repository::v1;

git::GitCredential GitCredentials::fromProto(const rv1::Credential& credential)
{
    git::GitCredential out;
    switch (credential.type()) {
    case rv1::CREDENTIAL_TYPE_SSH_KEY:
        out.kind = git::GitCredential::Kind::SshKey;
        out.sshPrivateKey = credential.ssh_private_key();
        break;
    case rv1::CREDENTIAL_TYPE_TOKEN:
        out.kind = git::GitCredential::Kind::Token;
        out.secret = credential.token();
        out.username = credential.username();
        break;
    case rv1::CREDENTIAL_TYPE_BASIC:
        out.kind = git::GitCredential::Kind::Basic;
        out.username = credential.username();
        out.secret = credential.password();
        break;
    case rv1::CREDENTIAL_TYPE_OAUTH:
        out.kind = git::GitCredential::Kind::OAuth;
        out.secret = credential.oauth_token();
        break;
    default:
        break;
    }
    return out;
}

} // namespace builder::core
