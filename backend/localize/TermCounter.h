#pragma once

#include "localize/TermHash.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace builder::localize {

// Counts term hashes of one file in an open-addressing table that is reused from
// file to file (clearing touches only the slots used), so indexing a file costs
// no allocation once the table has grown to the largest file's vocabulary.
class TermCounter
{
public:
    TermCounter();

    void add(std::uint64_t hash)
    {
        if ((m_used.size() + 1) * 2 > m_keys.size())
            grow();
        std::size_t i = hashSlot(hash, m_mask);
        while (m_counts[i] != 0 && m_keys[i] != hash)
            i = (i + 1) & m_mask;
        if (m_counts[i] == 0) {
            m_keys[i] = hash;
            m_used.push_back(static_cast<std::uint32_t>(i));
        }
        ++m_counts[i];
        ++m_total;
    }
    std::uint32_t count(std::uint64_t hash) const;
    std::uint32_t total() const { return m_total; }
    std::size_t distinct() const { return m_used.size(); }
    // (hash, count) sorted by hash.
    std::vector<std::pair<std::uint64_t, std::uint32_t>> sorted() const;
    // Calls fn(hash, count) per distinct term, in no particular order.
    template <typename Fn> void forEach(Fn&& fn) const
    {
        for (const auto slot : m_used)
            fn(m_keys[slot], m_counts[slot]);
    }
    void clear();

private:
    void grow();

    std::vector<std::uint64_t> m_keys;
    std::vector<std::uint32_t> m_counts;
    std::vector<std::uint32_t> m_used;
    std::size_t m_mask = 0;
    std::uint32_t m_total = 0;
};

} // namespace builder::localize
