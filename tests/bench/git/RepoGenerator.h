#pragma once

#include "BenchGit.h"

#include <QString>

#include <cstdint>

namespace builder::bench {

// Writes a source tree that looks like a real project (C++-like text files of
// log-normally distributed sizes, median about 3 KB, up to four folders deep)
// and publishes it as one commit on `main` of a bare repository.
class RepoGenerator
{
public:
    struct Stats
    {
        int files = 0;
        std::uint64_t bytes = 0;
    };

    RepoGenerator(const BenchGit& git, unsigned seed) : m_git(git), m_seed(seed) {}

    // The relative path of the file with this index.
    static QString pathFor(int index);

    // workDir must not exist; bareDir is created. Returns false on failure.
    bool generate(const QString& workDir, const QString& bareDir, int fileCount, Stats& stats);

private:
    const BenchGit& m_git;
    unsigned m_seed;
};

} // namespace builder::bench
