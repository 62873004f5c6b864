#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace builder::bench {

// Writes a realistic synthetic repository and commits it with the git CLI:
// mixed languages, folders 2-5 deep, files of a few KB built from a shared
// vocabulary (so common words are common, rare words rare), and a handful of
// "needle" files that are what the benchmark query is really about.
class RepoGenerator
{
public:
    struct Summary
    {
        std::size_t files = 0;
        std::uint64_t bytes = 0;
        double seconds = 0;
        bool reused = false;
    };

    // Reuses `dir` when a previous run left a complete repository of `files` files.
    static Summary generate(const std::string& dir, std::size_t files, std::uint64_t seed);

    // The query the needles answer, and the needles' paths (best first).
    static std::string query();
    static std::vector<std::string> needles();
};

} // namespace builder::bench
