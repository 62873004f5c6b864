// bench_git_workspace: how fast builder_git makes mirrors, workspaces and commits
// on a 5,000-file repository, each figure next to the git CLI doing the same in
// the same run. Prints figures; the exit code is non-zero only when it could not
// run.
#include "BenchOptions.h"
#include "GitWorkspaceBench.h"

#include <QCoreApplication>
#include <QDir>
#include <QTemporaryDir>

#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

using builder::bench::BenchOptions;
using builder::bench::GitWorkspaceBench;

namespace {

const char* kUsage =
    "usage: bench_git_workspace [--quick] [--files N] [--runs N] [--clone-runs N]\n"
    "                           [--dir PATH] [--keep]\n"
    "  --quick   500 files, 3 runs (a smoke run, figures not meaningful)\n"
    "  --dir     work there instead of a temporary directory (same disk as production)\n";

bool parse(int argc, char** argv, BenchOptions& o)
{
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto number = [&](int& target) {
            if (i + 1 >= argc) {
                return false;
            }
            try {
                target = std::stoi(argv[++i]);
            } catch (...) {
                return false;
            }
            return target > 0;
        };
        if (arg == "--quick") {
            o.files = 500;
            o.runs = 3;
            o.cloneRuns = 2;
        } else if (arg == "--files") {
            if (!number(o.files)) {
                return false;
            }
        } else if (arg == "--runs") {
            if (!number(o.runs)) {
                return false;
            }
        } else if (arg == "--clone-runs") {
            if (!number(o.cloneRuns)) {
                return false;
            }
        } else if (arg == "--dir" && i + 1 < argc) {
            o.dir = argv[++i];
        } else if (arg == "--keep") {
            o.keep = true;
        } else {
            return false;
        }
    }
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    BenchOptions options;
    if (!parse(argc, argv, options)) {
        std::cerr << kUsage;
        return 2;
    }
    std::unique_ptr<QTemporaryDir> temporary;
    QString dir = options.dir;
    if (dir.isEmpty()) {
        temporary = std::make_unique<QTemporaryDir>();
        temporary->setAutoRemove(!options.keep);
        dir = temporary->path();
    } else if (!QDir().mkpath(dir) || !QDir(dir).isEmpty()) {
        std::cerr << "--dir must be an empty or new directory\n";
        return 2;
    }
    // Both sides see the same, empty git configuration.
    qputenv("HOME", (dir + "/home").toUtf8());
    qunsetenv("XDG_CONFIG_HOME");
    std::printf("bench_git_workspace in %s (runs %d, clone runs %d)\n", qPrintable(dir),
                options.runs, options.cloneRuns);

    GitWorkspaceBench bench(options, dir);
    if (!bench.prepare() || !bench.cloneAndFetch() || !bench.worktrees() || !bench.commits()) {
        std::cerr << "benchmark failed\n";
        return 1;
    }
    if (options.keep) {
        std::printf("kept %s\n", qPrintable(dir));
    }
    return 0;
}
