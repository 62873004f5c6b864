#include "CharSet.h"

namespace builder::review {

CharSet CharSet::of(std::string_view members)
{
    CharSet set;
    for (std::size_t i = 0; i < members.size(); ++i) {
        const auto c = static_cast<unsigned char>(members[i]);
        if (i + 2 < members.size() && members[i + 1] == '-') {
            set.addRange(c, static_cast<unsigned char>(members[i + 2]));
            i += 2;
        } else {
            set.add(c);
        }
    }
    return set;
}

void CharSet::addRange(unsigned char from, unsigned char to)
{
    for (unsigned c = from; c <= to; ++c)
        m_bits.set(c);
}

CharSet CharSet::inverted() const
{
    CharSet out;
    out.m_bits = ~m_bits;
    return out;
}

const CharSet& CharSet::alnum()
{
    static const CharSet set = of("A-Za-z0-9");
    return set;
}

} // namespace builder::review
