#include "SecretChecks.h"

#include <array>
#include <string>

namespace builder::review {

namespace {

constexpr std::string_view kBase62 =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

int base64UrlValue(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '-' || c == '+')
        return 62;
    if (c == '_' || c == '/')
        return 63;
    return -1;
}

} // namespace

std::uint32_t SecretChecks::crc32(std::string_view data)
{
    static const std::array<std::uint32_t, 256> table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    std::uint32_t crc = 0xFFFFFFFFu;
    for (const char ch : data)
        crc = table[(crc ^ static_cast<unsigned char>(ch)) & 0xFF] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

std::string SecretChecks::base62(std::uint32_t value, std::size_t width)
{
    std::string out(width, '0');
    for (std::size_t i = width; i-- > 0;) {
        out[i] = kBase62[value % 62];
        value /= 62;
    }
    return out;
}

bool SecretChecks::githubChecksum(std::string_view token)
{
    if (token.size() != 40)
        return false;
    const std::string_view random = token.substr(4, 30);
    return base62(crc32(random), 6) == token.substr(34);
}

bool SecretChecks::jwtHeader(std::string_view token)
{
    const auto dot = token.find('.');
    if (dot == std::string_view::npos || dot > 2048)
        return false;
    std::string decoded;
    unsigned buffer = 0;
    int bits = 0;
    for (const char c : token.substr(0, dot)) {
        const int v = base64UrlValue(c);
        if (v < 0)
            return false;
        buffer = (buffer << 6) | static_cast<unsigned>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            decoded.push_back(static_cast<char>((buffer >> bits) & 0xFF));
        }
    }
    return !decoded.empty() && decoded.front() == '{' &&
           decoded.find("\"alg\"") != std::string::npos;
}

bool SecretChecks::passes(SecretCheck check, std::string_view token)
{
    switch (check) {
    case SecretCheck::None:
        return true;
    case SecretCheck::GithubCrc32:
        return githubChecksum(token);
    case SecretCheck::JwtHeader:
        return jwtHeader(token);
    }
    return true;
}

} // namespace builder::review
