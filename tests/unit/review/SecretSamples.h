#pragma once

#include <cstdint>
#include <string>

namespace builder::testing {

// Synthetic, format-valid credential material built at run time from parts, so
// this test source never contains a string that looks like a real credential.
class SecretSamples
{
public:
    static constexpr const char* kAlnum =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    static constexpr const char* kUpperBase32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    static constexpr const char* kHex = "0123456789abcdef";
    static constexpr const char* kBase64 =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    static constexpr const char* kBase64Url =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    static constexpr const char* kDigits = "0123456789";
    static constexpr const char* kLetters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    // `count` characters of `alphabet`, the same for the same seed.
    static std::string random(const char* alphabet, int count, std::uint32_t seed);
    // prefix + 30 random base62 + the 6-character CRC32 checksum (GitHub/npm format).
    static std::string checksummed(const std::string& prefix, std::uint32_t seed);
    static std::string base64Url(const std::string& bytes);
    // header.payload.signature with an "alg" header.
    static std::string jwt(std::uint32_t seed);
    // Joins parts; used to spell markers such as a PEM header without writing them whole.
    static std::string join(std::initializer_list<std::string> parts);
};

} // namespace builder::testing
