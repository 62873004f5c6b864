#pragma once

#include <cstdint>
#include <string>

namespace builder::bench {

// Deterministic, realistic-looking code for the review benchmark: a unified
// diff across many files and languages, and plain source text, with a few
// secrets and risky calls sprinkled in at a fixed rate.
class BenchCorpus
{
public:
    // A git-style diff with about `changedLines` added and removed lines.
    static std::string diff(int changedLines, int files, std::uint32_t seed);
    // About `bytes` of source lines (no diff markers).
    static std::string source(std::size_t bytes, std::uint32_t seed);
};

} // namespace builder::bench
