#include "localize/TermCounter.h"

#include <algorithm>

namespace builder::localize {

TermCounter::TermCounter() : m_keys(1024), m_counts(1024), m_mask(1023)
{
    m_used.reserve(512);
}

std::uint32_t TermCounter::count(std::uint64_t hash) const
{
    for (std::size_t i = hashSlot(hash, m_mask);; i = (i + 1) & m_mask) {
        if (m_counts[i] == 0)
            return 0;
        if (m_keys[i] == hash)
            return m_counts[i];
    }
}

std::vector<std::pair<std::uint64_t, std::uint32_t>> TermCounter::sorted() const
{
    std::vector<std::pair<std::uint64_t, std::uint32_t>> out;
    out.reserve(m_used.size());
    for (const auto slot : m_used)
        out.emplace_back(m_keys[slot], m_counts[slot]);
    std::sort(out.begin(), out.end());
    return out;
}

void TermCounter::clear()
{
    for (const auto slot : m_used)
        m_counts[slot] = 0;
    m_used.clear();
    m_total = 0;
}

void TermCounter::grow()
{
    const auto entries = sorted();
    const std::size_t size = m_keys.size() * 2;
    m_keys.assign(size, 0);
    m_counts.assign(size, 0);
    m_used.clear();
    m_mask = size - 1;
    const std::uint32_t total = m_total;
    for (const auto& [hash, count] : entries) {
        std::size_t i = hashSlot(hash, m_mask);
        while (m_counts[i] != 0)
            i = (i + 1) & m_mask;
        m_keys[i] = hash;
        m_counts[i] = count;
        m_used.push_back(static_cast<std::uint32_t>(i));
    }
    m_total = total;
}

} // namespace builder::localize
