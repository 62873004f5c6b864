#pragma once

#include "SecretRule.h"

#include <cstdint>
#include <string_view>

namespace builder::review {

// The format checks some credentials carry (see SecretCheck).
class SecretChecks
{
public:
    static bool passes(SecretCheck check, std::string_view token);

    // GitHub/npm tokens: prefix (4 chars), 30 random base62 chars, then the
    // CRC32 of the random part as 6 base62 digits (0-9A-Za-z, most significant first).
    static bool githubChecksum(std::string_view token);
    // The first dot-separated segment decodes (base64url) to a JSON object with "alg".
    static bool jwtHeader(std::string_view token);

    static std::uint32_t crc32(std::string_view data);
    static std::string base62(std::uint32_t value, std::size_t width);
};

} // namespace builder::review
