#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace builder::security {

// Signs artifact download links: the signature (HMAC-SHA-256 over the
// artifact id and the expiry) is the capability, so a link works without a
// token until it expires, and a changed id or expiry breaks it.
class ArtifactSigner
{
public:
    explicit ArtifactSigner(std::string key) : m_key(std::move(key)) {}

    // Lowercase hex of the MAC.
    std::string sign(const std::string& artifactId, std::int64_t expiresAtSeconds) const;
    // True when the signature matches (constant time) and the link has not expired.
    bool verify(const std::string& artifactId, std::int64_t expiresAtSeconds,
                const std::string& signature, std::int64_t nowSeconds) const;

private:
    std::string m_key;
};

} // namespace builder::security
