#pragma once

#include "CharSet.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace builder::review {

// A linear token shape compiled from a small regex subset: literal bytes,
// classes [..]/[^..], escapes \d \w \h (hex) \l (lower hex) \. and friends, and
// the quantifiers {n} {m,n} ? + * (unbounded ones stop at 512 bytes). No
// alternation and no groups: credential formats are prefix + charset + length
// runs, and a linear shape matches in bounded time, unlike std::regex.
class TokenPattern
{
public:
    // nullopt when the source uses anything outside the subset.
    static std::optional<TokenPattern> compile(std::string_view source);

    // The end of the longest match starting at text[start], or nullopt.
    std::optional<std::size_t> matchAt(std::string_view text, std::size_t start) const;
    // True when the whole of `text` matches.
    bool matchesWhole(std::string_view text) const;
    // Backward match ending at text[end) (for the part of a token before its
    // anchor); returns the start. Greedy per atom, without backtracking.
    std::optional<std::size_t> matchBackward(std::string_view text, std::size_t end) const;

    // The bytes that may continue a token after a match: the class of the last
    // atom, or letters and digits after a literal.
    const CharSet& tail() const { return m_tail; }
    bool empty() const { return m_atoms.empty(); }
    // How many leading bytes are fixed literals ("ghp_" -> 4): the public
    // prefix a redacted message may show.
    std::size_t literalPrefixLength() const;
    // A token of this shape built from a seeded generator (each run a length
    // near its minimum), for documentation and for tests that must not carry
    // real-looking credentials in their source.
    std::string example(std::uint32_t seed) const;

private:
    struct Atom
    {
        CharSet set;
        int min = 1;
        int max = 1;
    };

    bool match(std::string_view text, std::size_t pos, std::size_t atom, std::size_t& end,
               int& budget, bool whole) const;

    std::vector<Atom> m_atoms;
    CharSet m_tail;
};

} // namespace builder::review
