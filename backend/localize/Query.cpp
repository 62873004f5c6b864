#include "localize/Query.h"

#include "localize/Tokenizer.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace builder::localize {

Query Query::parse(std::string_view text)
{
    Query query;
    std::vector<QueryTerm> terms;
    std::unordered_map<std::uint64_t, std::size_t> seen;
    Tokenizer::forEachTerm(text, true, [&](std::uint64_t hash, std::string_view term) {
        const auto [it, inserted] = seen.emplace(hash, terms.size());
        if (inserted)
            terms.push_back({std::string(term), hash, 0, 0.0});
        ++terms[it->second].count;
    });
    if (terms.size() > kMaxTerms) {
        std::vector<std::size_t> order(terms.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return terms[a].count > terms[b].count;
        });
        order.resize(kMaxTerms);
        std::sort(order.begin(), order.end());
        std::vector<QueryTerm> kept;
        for (const auto i : order)
            kept.push_back(std::move(terms[i]));
        terms = std::move(kept);
    }
    for (std::size_t i = 0; i < terms.size(); ++i) {
        terms[i].weight = 1.0 + std::log(static_cast<double>(terms[i].count));
        std::size_t slot = hashSlot(terms[i].hash, kMask);
        while (query.m_slots[slot].index >= 0)
            slot = (slot + 1) & kMask;
        query.m_slots[slot] = {terms[i].hash, static_cast<int>(i)};
        const auto print = static_cast<std::uint32_t>(terms[i].hash >> 32);
        std::size_t at = print & kMask;
        while (query.m_prints[at].index >= 0 && query.m_prints[at].print != print)
            at = (at + 1) & kMask;
        if (query.m_prints[at].index < 0)
            query.m_prints[at] = {print, static_cast<int>(i)};
    }
    query.m_terms = std::move(terms);
    return query;
}

} // namespace builder::localize
