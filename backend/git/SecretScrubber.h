#pragma once

#include "common/Error.h"
#include "git/GitCredential.h"

#include <string>
#include <string_view>
#include <vector>

namespace builder::git {

// Removes credential material from text before it can reach an error, log or
// event: the URL's user info, the token/password, the SSH key and passphrase.
// Holds views: it must not outlive the url and credential it was built from.
class SecretScrubber
{
public:
    static constexpr std::string_view kMask = "***";

    SecretScrubber(std::string_view url, const GitCredential& credential);

    std::string scrub(std::string text) const;
    // The same error with its message scrubbed.
    common::Error scrubError(const common::Error& error) const;

private:
    std::string_view m_url;
    std::string m_redactedUrl;
    std::vector<std::string_view> m_secrets; // longest first, so no secret is half-masked
};

} // namespace builder::git
