// bench_pipeline: Create -> COMPLETED of a 3-step feature through a real builderd
// and its pipeline on a generated 5,000-file repository, the fake LLM answering at
// once, cold and warm, with a per-stage breakdown and the git CLI doing the same
// delivery in the same run. Prints figures; the exit code is non-zero only when it
// could not run.
#include "PipelineBench.h"
#include "PipelineBenchOptions.h"

#include <QCoreApplication>
#include <QDir>
#include <QTemporaryDir>

#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

using builder::bench::PipelineBench;
using builder::bench::PipelineBenchOptions;

namespace {

const char* kUsage =
    "usage: bench_pipeline [--quick] [--files N] [--cold N] [--warm N] [--dir PATH] [--keep]\n"
    "                      [--verbose] [--sub-benches] [--localize-files N]\n"
    "  --quick        500 files, 2 cold and 3 warm runs (a smoke run)\n"
    "  --dir          work there (an empty or new directory) instead of a temporary one\n"
    "  --verbose      print every run's events with their times\n"
    "  --sub-benches  also run bench_git_workspace (same file count) and bench_localize\n"
    "                 (--localize-files, default 50000)\n";

bool parse(int argc, char** argv, PipelineBenchOptions& o)
{
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto number = [&](int& target) {
            if (i + 1 >= argc)
                return false;
            try {
                target = std::stoi(argv[++i]);
            } catch (...) {
                return false;
            }
            return target > 0;
        };
        bool ok = true;
        if (arg == "--quick") {
            o.files = 500;
            o.coldRuns = 2;
            o.warmRuns = 3;
        } else if (arg == "--files") {
            ok = number(o.files) && o.files >= 10;
        } else if (arg == "--cold") {
            ok = number(o.coldRuns);
        } else if (arg == "--warm") {
            ok = number(o.warmRuns);
        } else if (arg == "--localize-files") {
            ok = number(o.localizeFiles);
        } else if (arg == "--dir" && i + 1 < argc) {
            o.dir = argv[++i];
        } else if (arg == "--keep") {
            o.keep = true;
        } else if (arg == "--verbose") {
            o.verbose = true;
        } else if (arg == "--sub-benches") {
            o.subBenches = true;
        } else {
            ok = false;
        }
        if (!ok)
            return false;
    }
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    PipelineBenchOptions options;
    if (!parse(argc, argv, options)) {
        std::cerr << kUsage;
        return 2;
    }
    if (qEnvironmentVariableIsEmpty("BUILDER_TEST_BINARY_DIR"))
        qputenv("BUILDER_TEST_BINARY_DIR", BUILDER_BINARY_DIR);
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
    // builderd and the git CLI see the same, empty git configuration.
    QDir().mkpath(dir + "/home");
    qputenv("HOME", (dir + "/home").toUtf8());
    qunsetenv("XDG_CONFIG_HOME");
    std::printf("bench_pipeline in %s (%d files, %d cold runs, %d warm runs)\n", qPrintable(dir),
                options.files, options.coldRuns, options.warmRuns);
    std::fflush(stdout);

    PipelineBench bench(options, dir);
    if (!bench.prepare() || !bench.run()) {
        std::cerr << "benchmark failed\n";
        return 1;
    }
    bench.report();
    if (options.subBenches && !bench.subBenches())
        return 1;
    if (options.keep)
        std::printf("kept %s\n", qPrintable(dir));
    return 0;
}
