#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace builder::common {

// 64-bit FNV-1a, for identifiers that must stay the same across runs and
// builds (finding ids, the localize term hashes, the sandbox /etc
// fingerprint). Not for anything an adversary could choose to collide.
class Fnv1a
{
public:
    static constexpr std::uint64_t kOffset = 14695981039346656037ull;
    static constexpr std::uint64_t kPrime = 1099511628211ull;

    constexpr Fnv1a() = default;
    explicit constexpr Fnv1a(std::uint64_t seed) : m_hash(seed) {}

    constexpr void add(unsigned char byte) { m_hash = (m_hash ^ byte) * kPrime; }
    constexpr void add(std::string_view text)
    {
        for (const char c : text)
            add(static_cast<unsigned char>(c));
    }
    // A field and then `separator`, so that "ab" + "c" and "a" + "bc" differ.
    constexpr void addField(std::string_view text, unsigned char separator = 0)
    {
        add(text);
        add(separator);
    }
    // Eight bytes, least significant first.
    constexpr void addNumber(std::uint64_t value)
    {
        for (int i = 0; i < 8; ++i)
            add(static_cast<unsigned char>(value >> (8 * i)));
    }

    constexpr std::uint64_t value() const { return m_hash; }
    // Sixteen lower-case hex digits.
    std::string hex() const
    {
        static constexpr char kHex[] = "0123456789abcdef";
        std::string text(16, '0');
        std::uint64_t hash = m_hash;
        for (int i = 15; i >= 0; --i) {
            text[static_cast<std::size_t>(i)] = kHex[hash & 0xf];
            hash >>= 4;
        }
        return text;
    }

    static constexpr std::uint64_t of(std::string_view text)
    {
        Fnv1a hash;
        hash.add(text);
        return hash.value();
    }

private:
    std::uint64_t m_hash = kOffset;
};

} // namespace builder::common
