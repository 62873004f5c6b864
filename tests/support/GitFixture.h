#pragma once

#include <QString>
#include <QStringList>

namespace builder::testing {

// Real git repositories on disk for tests, made with the git CLI.
class GitFixture
{
public:
    // A bare repository at `path` whose HEAD is `branch`, with one commit
    // (a README) on that branch. Returns false (and a reason) on failure.
    static bool createBareWithCommit(const QString& path, const QString& branch,
                                     QString* error = nullptr);
    static bool createEmptyBare(const QString& path, QString* error = nullptr);
    // A bare repository at `path` whose branch `branch` holds one commit with
    // every file of `sourceDir` (a project template, e.g. the demo's sample).
    static bool createBareFromDirectory(const QString& sourceDir, const QString& path,
                                        const QString& branch, QString* error = nullptr);
    // Runs git with an isolated HOME and identity; returns stdout.
    static bool git(const QStringList& args, const QString& workDir, QString* output = nullptr);
};

} // namespace builder::testing
