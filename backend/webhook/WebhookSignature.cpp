#include "WebhookSignature.h"

#include "security/SodiumRuntime.h"

#include <sodium.h>

namespace builder::webhook {

namespace {

constexpr std::string_view kPrefix = "sha256=";

void mac(std::string_view secret, std::string_view body,
         unsigned char (&out)[crypto_auth_hmacsha256_BYTES])
{
    security::SodiumRuntime::ensure();
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()),
                                secret.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(body.data()),
                                  body.size());
    crypto_auth_hmacsha256_final(&state, out);
}

} // namespace

std::string WebhookSignature::sign(std::string_view secret, std::string_view body)
{
    unsigned char digest[crypto_auth_hmacsha256_BYTES];
    mac(secret, body, digest);
    char hex[crypto_auth_hmacsha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return std::string(kPrefix) + std::string(hex, crypto_auth_hmacsha256_BYTES * 2);
}

bool WebhookSignature::verify(std::string_view secret, std::string_view body,
                              std::string_view header)
{
    if (secret.empty() || header.size() != kPrefix.size() + crypto_auth_hmacsha256_BYTES * 2 ||
        header.substr(0, kPrefix.size()) != kPrefix)
        return false;
    unsigned char given[crypto_auth_hmacsha256_BYTES];
    std::size_t length = 0;
    const auto hex = header.substr(kPrefix.size());
    // GitHub sends lowercase hex; sodium_hex2bin accepts either case.
    if (sodium_hex2bin(given, sizeof given, hex.data(), hex.size(), nullptr, &length, nullptr) !=
            0 ||
        length != sizeof given)
        return false;
    unsigned char expected[crypto_auth_hmacsha256_BYTES];
    mac(secret, body, expected);
    return sodium_memcmp(given, expected, sizeof given) == 0;
}

} // namespace builder::webhook
