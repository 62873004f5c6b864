#pragma once

#include "localize/TermHash.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace builder::localize {

// One distinct term of a query: its stemmed text, hash, and weight 1 + ln(count),
// so a term the spec repeats counts more, but not linearly.
struct QueryTerm
{
    std::string text;
    std::uint64_t hash = 0;
    std::uint32_t count = 0;
    double weight = 0.0;
};

// The query side of the ranking: the spec's terms (with identifier compounds) in
// first-seen order, and a constant-time lookup from a term hash to its index that
// the content scan calls for every token.
class Query
{
public:
    static constexpr std::size_t kMaxTerms = 256;

    // Keeps the kMaxTerms most frequent terms (ties: first seen) of a long spec.
    static Query parse(std::string_view text);

    const std::vector<QueryTerm>& terms() const { return m_terms; }
    bool empty() const { return m_terms.empty(); }
    // The index of the term with this hash, or -1.
    int indexOf(std::uint64_t hash) const
    {
        for (std::size_t i = hashSlot(hash, kMask);; i = (i + 1) & kMask) {
            if (m_slots[i].index < 0)
                return -1;
            if (m_slots[i].hash == hash)
                return m_slots[i].index;
        }
    }

    // The same for a cache fingerprint (the hash's high 32 bits); the first term
    // wins if two share one.
    int indexOfFingerprint(std::uint32_t print) const
    {
        for (std::size_t i = print & kMask;; i = (i + 1) & kMask) {
            if (m_prints[i].index < 0)
                return -1;
            if (m_prints[i].print == print)
                return m_prints[i].index;
        }
    }

private:
    static constexpr std::size_t kSlots = 1024; // 4x kMaxTerms: probes stay short
    static constexpr std::size_t kMask = kSlots - 1;
    struct Slot
    {
        std::uint64_t hash = 0;
        int index = -1;
    };
    struct PrintSlot
    {
        std::uint32_t print = 0;
        int index = -1;
    };
    std::vector<QueryTerm> m_terms;
    std::vector<Slot> m_slots = std::vector<Slot>(kSlots);
    std::vector<PrintSlot> m_prints = std::vector<PrintSlot>(kSlots);
};

} // namespace builder::localize
