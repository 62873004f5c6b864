#include "SecretSamples.h"

#include "review/SecretChecks.h"

#include <cstring>

namespace builder::testing {

std::string SecretSamples::random(const char* alphabet, int count, std::uint32_t seed)
{
    std::uint32_t state = seed * 747796405u + 2891336453u;
    const std::size_t size = std::strlen(alphabet);
    std::string out;
    for (int i = 0; i < count; ++i) {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        out.push_back(alphabet[state % size]);
    }
    return out;
}

std::string SecretSamples::checksummed(const std::string& prefix, std::uint32_t seed)
{
    const std::string body = random(kAlnum, 30, seed);
    return prefix + body + review::SecretChecks::base62(review::SecretChecks::crc32(body), 6);
}

std::string SecretSamples::base64Url(const std::string& bytes)
{
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (const unsigned char c : bytes) {
        buffer = (buffer << 8) | c;
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out.push_back(kBase64Url[(buffer >> bits) & 63]);
        }
    }
    if (bits > 0)
        out.push_back(kBase64Url[(buffer << (6 - bits)) & 63]);
    return out;
}

std::string SecretSamples::jwt(std::uint32_t seed)
{
    return base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." +
           base64Url("{\"sub\":\"" + random(kDigits, 10, seed) + "\",\"name\":\"Builder\"}") + "." +
           random(kBase64Url, 43, seed + 1);
}

std::string SecretSamples::join(std::initializer_list<std::string> parts)
{
    std::string out;
    for (const auto& part : parts)
        out += part;
    return out;
}

} // namespace builder::testing
