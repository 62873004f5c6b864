#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace builder::localize {

// A run of lines of one file shown to the LLM.
struct Excerpt
{
    std::string path;
    std::uint32_t startLine = 0; // 1-based, inclusive
    std::uint32_t endLine = 0;   // inclusive
    std::string text;            // the lines, each ending in '\n'
    std::uint64_t tokens = 0;    // estimated: header line plus text
};

// What showing one ranked file costs: whole, and as the excerpts chosen.
struct FileCost
{
    std::string path;
    std::uint64_t fileTokens = 0;
    std::uint64_t excerptTokens = 0;
};

// The excerpts chosen for the top files, never over the budget.
struct ExcerptSet
{
    std::vector<Excerpt> excerpts; // by rank, then by line
    std::vector<FileCost> costs;   // one per considered file, in rank order
    std::uint64_t tokenBudget = 0;
    std::uint64_t tokensUsed = 0;
    std::size_t filesShown = 0;
};

} // namespace builder::localize
