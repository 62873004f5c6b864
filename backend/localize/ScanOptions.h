#pragma once

#include <cstdint>
#include <string>

namespace builder::localize {

// Which symbol extractor a scan uses.
enum class SymbolSource
{
    Auto,    // ctags for small repositories when installed, else built-in
    Builtin, // the line scanner in this folder
    Ctags,   // universal-ctags; an error when it is not installed
};

// Knobs of one scan.
struct ScanOptions
{
    // ctags needs about 1 ms per file (measured: 4.2 s for 5,000 headers), the
    // built-in extractor about 10 us: Auto uses ctags up to this many files, where
    // a cold run stays near a second.
    static constexpr std::size_t kCtagsAutoMaxFiles = 1000;

    std::uint64_t maxFileBytes = 1u << 20; // larger files are listed, not read
    SymbolSource symbols = SymbolSource::Auto;
    std::string cacheDir;   // empty: no cache
    std::string cacheScope; // names the cache file; empty: the root (LocalizeRequest)
    unsigned threads = 0;   // 0: one per core
};

} // namespace builder::localize
