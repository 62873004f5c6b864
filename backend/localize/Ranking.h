#pragma once

#include "localize/Language.h"
#include "localize/ScanResult.h"
#include "localize/Symbol.h"

#include <cstdint>
#include <string>
#include <vector>

namespace builder::localize {

// One ranked file: its score and why it scored.
struct RankedFile
{
    std::string path;
    double score = 0.0;
    Language language = Language::Other;
    ContentStatus status = ContentStatus::Indexed;
    std::vector<Symbol> matchedSymbols;    // in line order, at most kMaxMatchedSymbols
    std::vector<std::string> matchedTerms; // query terms found, in query order
    std::uint64_t fileTokens = 0;          // estimated tokens to show the whole file
};

// The files that match a query, best first (ties by path), and corpus counts.
struct Ranking
{
    static constexpr std::size_t kMaxMatchedSymbols = 20;

    std::vector<RankedFile> files;
    std::size_t totalFiles = 0;   // files in the map
    std::size_t indexedFiles = 0; // files whose content was indexed
    std::size_t matchedFiles = 0; // files with a score above zero (before topK)
    double elapsedMs = 0.0;
};

} // namespace builder::localize
