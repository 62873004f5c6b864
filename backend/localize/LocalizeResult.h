#pragma once

#include "localize/ExcerptSet.h"
#include "localize/Ranking.h"
#include "localize/ScanResult.h"

#include <cstddef>
#include <map>
#include <string>

namespace builder::localize {

// Where one localize spent its time, in milliseconds.
struct LocalizeTimings
{
    double listingMs = 0; // index or directory walk
    double scanMs = 0;    // parallel stat + read + tokenize + symbols (wall)
    ScanTimings scan;     // its breakdown (cache, ctags, per-activity thread sums)
    double rankingMs = 0;
    double excerptsMs = 0;
    double totalMs = 0;
};

// The answer of Localizer::localize (and, later, of the remote variant).
struct LocalizeResult
{
    std::string root;
    bool git = false;
    Ranking ranking;
    ExcerptSet excerpts;
    std::string symbolSource; // "builtin" or "ctags"
    std::size_t cacheHits = 0;
    std::size_t cacheMisses = 0;
    std::map<std::string, std::size_t> skipped; // content status name -> files not indexed
    LocalizeTimings timings;
};

} // namespace builder::localize
