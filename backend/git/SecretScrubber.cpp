#include "git/SecretScrubber.h"

#include "git/RemoteUrl.h"

#include <algorithm>

namespace builder::git {

namespace {

void replaceAll(std::string& text, std::string_view from, std::string_view to)
{
    if (from.empty()) {
        return;
    }
    for (auto pos = text.find(from); pos != std::string::npos;
         pos = text.find(from, pos + to.size())) {
        text.replace(pos, from.size(), to);
    }
}

} // namespace

SecretScrubber::SecretScrubber(std::string_view url, const GitCredential& credential)
    : m_url(url), m_redactedUrl(RemoteUrl::redacted(url))
{
    for (std::string_view secret :
         {std::string_view(credential.secret), std::string_view(credential.sshPrivateKey),
          std::string_view(credential.sshPassphrase), RemoteUrl::password(url)}) {
        if (!secret.empty()) {
            m_secrets.push_back(secret);
        }
    }
    std::sort(m_secrets.begin(), m_secrets.end(),
              [](std::string_view a, std::string_view b) { return a.size() > b.size(); });
}

std::string SecretScrubber::scrub(std::string text) const
{
    if (m_redactedUrl != m_url) {
        replaceAll(text, m_url, m_redactedUrl);
    }
    for (std::string_view secret : m_secrets) {
        replaceAll(text, secret, kMask);
    }
    return text;
}

common::Error SecretScrubber::scrubError(const common::Error& error) const
{
    return {error.code(), scrub(error.message()), error.violations()};
}

} // namespace builder::git
