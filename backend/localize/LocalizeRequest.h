#pragma once

#include "localize/ScanOptions.h"

#include <cstdint>
#include <string>

namespace builder::localize {

// What to localize: a repository folder and the (normalised) spec text.
struct LocalizeRequest
{
    static constexpr std::size_t kMaxTopK = 1000;

    std::string root;  // a git work tree or any folder
    std::string query; // the spec text; identifiers in it are matched exactly too
    std::size_t topK = 20;
    std::uint64_t tokenBudget = 8000; // excerpts for the top files; 0: none
    std::string cacheDir;             // empty: no cache
    // Names the cache file instead of the root. Work trees of one repository (the
    // pipeline makes one per execution) then share one cache: entries are keyed by
    // blob id, so a new checkout of known content hits, and the cache folder holds
    // one file per repository rather than one per work tree ever scanned.
    std::string cacheScope;
    SymbolSource symbols = SymbolSource::Auto;
    std::uint64_t maxFileBytes = 1u << 20;
    unsigned threads = 0; // 0: one per core
};

} // namespace builder::localize
