#include "ArtifactSigner.h"

#include <sodium.h>

namespace builder::security {

std::string ArtifactSigner::sign(const std::string& artifactId, std::int64_t expiresAtSeconds) const
{
    const std::string message = "artifact\n" + artifactId + "\n" + std::to_string(expiresAtSeconds);
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(m_key.data()),
                                m_key.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()),
                                  message.size());
    crypto_auth_hmacsha256_final(&state, mac);
    char hex[crypto_auth_hmacsha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
    return hex;
}

bool ArtifactSigner::verify(const std::string& artifactId, std::int64_t expiresAtSeconds,
                            const std::string& signature, std::int64_t nowSeconds) const
{
    if (nowSeconds > expiresAtSeconds)
        return false;
    const auto expected = sign(artifactId, expiresAtSeconds);
    return signature.size() == expected.size() &&
           sodium_memcmp(signature.data(), expected.data(), expected.size()) == 0;
}

} // namespace builder::security
