#pragma once

#include "localize/Symbol.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace builder::localize {

// The three BM25 fields of a file.
enum Field : std::size_t
{
    kPathField = 0,
    kSymbolField = 1,
    kContentField = 2,
    kFieldCount = 3,
};

// Why a file's content was or was not indexed; every file stays in the map.
enum class ContentStatus : std::uint8_t
{
    Indexed,
    Binary,     // a NUL byte in the first 8 KiB
    TooLarge,   // over ScanOptions::maxFileBytes
    Symlink,    // a link is a path, not content
    Submodule,  // a gitlink: another repository
    Missing,    // tracked but deleted from the work tree
    Unreadable, // open or read failed
};

std::string_view contentStatusName(ContentStatus status);

// What the scan learned about one file, for ranking.
struct ScannedFile
{
    ContentStatus status = ContentStatus::Indexed;
    std::uint32_t length[kFieldCount] = {0, 0, 0}; // terms per field
    std::uint32_t symbolCount = 0;
    std::vector<Symbol> matchedSymbols; // symbols whose name holds a query term
};

// Where a scan spent its time. Wall times for the phases; the per-activity
// times inside the parallel phases are summed over threads (CPU-ish time).
struct ScanTimings
{
    double cacheLoadMs = 0;
    double ctagsMs = 0;
    double cacheSaveMs = 0;
    double scanWallMs = 0;
    double statThreadMs = 0;
    double readThreadMs = 0;
    double tokenizeThreadMs = 0;
    double symbolsThreadMs = 0;
};

// The scan of a whole map against one query: per-file facts and term counts.
struct ScanResult
{
    std::vector<ScannedFile> files; // parallel to RepositoryMap::files()
    std::size_t termCount = 0;
    // tf[(file * termCount + term) * kFieldCount + field], saturating at 65535.
    std::vector<std::uint16_t> tf;
    std::string symbolSource; // "builtin" or "ctags"
    std::size_t cacheHits = 0;
    std::size_t cacheMisses = 0;
    bool cacheWritten = false;
    ScanTimings timings;

    std::uint16_t count(std::size_t file, std::size_t term, Field field) const
    {
        return tf[(file * termCount + term) * kFieldCount + field];
    }
};

} // namespace builder::localize
