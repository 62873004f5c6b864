#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace builder::review {

// Aho–Corasick automaton over ASCII-case-folded bytes: one pass over a line
// finds every occurrence of every keyword, so the secret rules' anchors and
// context words are found together and each rule runs only where its anchor is.
// Transitions are a dense table over byte classes (bytes no keyword uses share
// one class), which keeps the table small enough for the cache.
class KeywordAutomaton
{
public:
    // Adds a keyword (case-insensitive); returns its id. Adding the same
    // keyword twice returns the first id.
    int add(std::string_view keyword);
    // Call once after the last add() and before scan().
    void build();

    std::size_t keywordLength(int id) const
    {
        return m_keywords[static_cast<std::size_t>(id)].size();
    }
    std::size_t keywordCount() const { return m_keywords.size(); }

    // Calls onHit(keywordId, end) for every occurrence, `end` one past its last byte.
    template <typename OnHit> void scan(std::string_view text, OnHit&& onHit) const
    {
        std::int32_t state = 0;
        const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
        const std::size_t size = text.size();
        for (std::size_t i = 0; i < size; ++i) {
            state = m_next[static_cast<std::size_t>(state) * m_classCount + m_class[bytes[i]]];
            const std::uint32_t begin = m_outBegin[static_cast<std::size_t>(state)];
            const std::uint32_t end = m_outBegin[static_cast<std::size_t>(state) + 1];
            for (std::uint32_t k = begin; k < end; ++k)
                onHit(m_out[k], i + 1);
        }
    }

private:
    std::vector<std::string> m_keywords; // lower-case
    std::array<std::uint8_t, 256> m_class{};
    std::size_t m_classCount = 1;
    std::vector<std::int32_t> m_next;
    std::vector<std::uint32_t> m_outBegin;
    std::vector<int> m_out;
};

} // namespace builder::review
