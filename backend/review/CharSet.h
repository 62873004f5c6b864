#pragma once

#include <bitset>
#include <string_view>

namespace builder::review {

// A set of bytes, for the character classes of token formats.
class CharSet
{
public:
    CharSet() = default;
    // Members written like a regex class body: "A-Za-z0-9_-" (a '-' at either
    // end is literal).
    static CharSet of(std::string_view members);

    void add(unsigned char c) { m_bits.set(c); }
    void addRange(unsigned char from, unsigned char to);
    bool has(char c) const { return m_bits.test(static_cast<unsigned char>(c)); }
    bool empty() const { return m_bits.none(); }
    std::size_t size() const { return m_bits.count(); }
    CharSet inverted() const;

    static const CharSet& alnum();

private:
    std::bitset<256> m_bits;
};

} // namespace builder::review
