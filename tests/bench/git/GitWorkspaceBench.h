#pragma once

#include "BenchGit.h"
#include "BenchOptions.h"
#include "Samples.h"

#include <QString>

#include <functional>
#include <string>

namespace builder::bench {

// The measurements of bench_git_workspace, each next to the git CLI doing the
// same work on the same repository in the same run, interleaved so that disk and
// CPU noise hit both sides alike.
class GitWorkspaceBench
{
public:
    GitWorkspaceBench(const BenchOptions& options, QString dir);

    // Generates the repository; false when that fails.
    bool prepare();
    bool cloneAndFetch();
    bool worktrees();
    bool commits();

private:
    QString path(const QString& name) const { return m_dir + "/" + name; }
    // Times one call in milliseconds; false when it failed.
    static bool timed(Samples& samples, const std::function<bool()>& work);
    static void settle();
    // One cold clone of url by each side, into root and cliMirror.
    bool cloneOnce(const std::string& url, const QString& root, const QString& cliMirror,
                   Samples& ours, Samples& git);
    void report(const char* what, const Samples& ours, const Samples& git,
                const char* baseline) const;

    BenchOptions m_options;
    QString m_dir;
    BenchGit m_git;
    QString m_mirror;
};

} // namespace builder::bench
