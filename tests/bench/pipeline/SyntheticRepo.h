#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace builder::bench {

// A generated project that looks like a real one to the pipeline: mixed
// languages (C++, Python, Go, TypeScript, Java, Rust, docs, configs), folders two
// to five deep (about twelve files per folder), a few KB per file. Deliberately no build system and
// no tests, so verification finds nothing to run. Committed with the git CLI on `main` and pushed
// to a bare remote.
class SyntheticRepo
{
public:
    // A file the benchmark's feature edits: its path and its first line (unique
    // in the file, so an exact search/replace block applies).
    struct Target
    {
        QString path;
        QString firstLine;
    };
    struct Summary
    {
        int files = 0;
        std::uint64_t bytes = 0;
        int maxDepth = 0;
        int folders = 0;
        QStringList languages;
        std::vector<Target> targets; // three files, in step order
        double seconds = 0;
    };

    // Writes the tree into workDir (created), commits it and pushes `main` to a new
    // bare repository at remoteDir. False, with git's output in *error, on failure.
    static bool generate(const QString& workDir, const QString& remoteDir, int files,
                         std::uint64_t seed, Summary& summary, QString* error);

    // The file names a build-system or test detector looks for; the generator
    // never writes any of them.
    static bool isBuildOrTestFile(const QString& name);
};

} // namespace builder::bench
