#pragma once

#include "localize/ExcerptSet.h"
#include "localize/Ranking.h"

#include <cstdint>
#include <string>

namespace builder::localize {

// Picks, for each of the top files, the regions around its matched symbols
// (a few lines before, a dozen after: the declaration and the start of its
// body) and around lines holding matched terms, best regions first, and cuts
// them to fit: the budget is shared out over the files still to show, what a
// file leaves unused passes to the next, and the total never exceeds it.
class ExcerptSelector
{
public:
    static constexpr std::uint32_t kLinesBefore = 2;
    static constexpr std::uint32_t kSymbolLinesAfter = 12;
    static constexpr std::uint32_t kTermLinesAfter = 2;
    static constexpr std::uint32_t kHeadLines = 30; // a file matched by its path only
    static constexpr std::uint64_t kMaxFileBytes = 1u << 20;

    static ExcerptSet select(const Ranking& ranking, const std::string& root, std::size_t topK,
                             std::uint64_t tokenBudget);

    // The header each excerpt is shown under: "path:start-end\n". Its cost counts.
    static std::string header(const std::string& path, std::uint32_t startLine,
                              std::uint32_t endLine);
};

} // namespace builder::localize
