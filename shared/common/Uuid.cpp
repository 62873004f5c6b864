#include "Uuid.h"

#include <array>
#include <cstdint>
#include <random>

namespace builder::common {

namespace {
constexpr std::size_t kTextLength = 36;
constexpr std::array<std::size_t, 4> kHyphenPositions = {8, 13, 18, 23};
constexpr const char* kHexDigits = "0123456789abcdef";

bool isHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
} // namespace

std::string Uuid::generateV4()
{
    // Ids need uniqueness, not secrecy: a per-thread generator seeded once from
    // the OS (a random_device read per word cost a system call each).
    thread_local std::mt19937_64 generator = [] {
        std::random_device device;
        std::seed_seq seed{device(), device(), device(), device(), device(), device()};
        return std::mt19937_64(seed);
    }();
    std::array<std::uint8_t, 16> bytes{};
    for (std::size_t i = 0; i < bytes.size(); i += 8) {
        const std::uint64_t word = generator();
        for (std::size_t j = 0; j < 8; ++j)
            bytes[i + j] = static_cast<std::uint8_t>(word >> (8 * j));
    }
    bytes[6] = static_cast<std::uint8_t>((bytes[6] & 0x0F) | 0x40); // version 4
    bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant

    std::string text;
    text.reserve(kTextLength);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            text += '-';
        text += kHexDigits[bytes[i] >> 4];
        text += kHexDigits[bytes[i] & 0x0F];
    }
    return text;
}

bool Uuid::isValid(std::string_view text)
{
    if (text.size() != kTextLength)
        return false;
    std::size_t nextHyphen = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (nextHyphen < kHyphenPositions.size() && i == kHyphenPositions[nextHyphen]) {
            if (text[i] != '-')
                return false;
            ++nextHyphen;
        } else if (!isHex(text[i])) {
            return false;
        }
    }
    return true;
}

} // namespace builder::common
