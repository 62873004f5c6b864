// bench_localize: figures for `localize` on a generated repository (default
// 50,000 files), cold (no cache) and warm (cache from the cold run), with where
// the time went and the peak RSS of each run, next to two baselines measured in
// the same run on the same page cache: reading every tracked file once in one
// thread (what `git ls-files | xargs cat > /dev/null` does) and `git grep -c`.
#include "PeakMemory.h"
#include "RepoGenerator.h"

#include "git/TrackedFiles.h"
#include "localize/BuiltinSymbolExtractor.h"
#include "localize/CtagsExtractor.h"
#include "localize/FileReader.h"
#include "localize/LanguageDetector.h"
#include "localize/Localizer.h"

#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>

using namespace builder;
using Clock = std::chrono::steady_clock;

namespace {

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct Options
{
    std::size_t files = 50000;
    std::string repo;
    std::size_t ctagsSample = 1000;
    unsigned threads = 0;
};

Options parse(int argc, char** argv)
{
    Options options;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string name = argv[i];
        const std::string value = argv[i + 1];
        if (name == "--files")
            options.files = std::stoul(value);
        else if (name == "--repo")
            options.repo = value;
        else if (name == "--ctags-sample")
            options.ctagsSample = std::stoul(value);
        else if (name == "--threads")
            options.threads = static_cast<unsigned>(std::stoul(value));
    }
    if (options.repo.empty())
        options.repo = "/tmp/builder-bench-localize-" + std::to_string(options.files);
    return options;
}

void printRun(const char* label, const localize::LocalizeResult& r, std::uint64_t peakKiB)
{
    const auto& t = r.timings;
    std::printf("%-5s total %8.1f ms  peak RSS %6.1f MiB  cache hits %zu misses %zu%s\n", label,
                t.totalMs, peakKiB / 1024.0, r.cacheHits, r.cacheMisses,
                t.scan.cacheSaveMs > 0 ? " (cache written)" : "");
    std::printf("      listing %.1f | scan %.1f (wall) = stat %.1f + read %.1f + tokenize %.1f + "
                "symbols %.1f (thread-summed) | cache load %.1f save %.1f | ranking %.1f | "
                "excerpts %.1f ms\n",
                t.listingMs, t.scanMs, t.scan.statThreadMs, t.scan.readThreadMs,
                t.scan.tokenizeThreadMs, t.scan.symbolsThreadMs, t.scan.cacheLoadMs,
                t.scan.cacheSaveMs, t.rankingMs, t.excerptsMs);
}

} // namespace

int main(int argc, char** argv)
{
    const Options options = parse(argc, argv);
    std::printf("bench_localize: %zu files in %s, %u hardware threads\n", options.files,
                options.repo.c_str(), std::thread::hardware_concurrency());
    const auto generated = bench::RepoGenerator::generate(options.repo, options.files, 42);
    if (generated.reused)
        std::printf("repository: reused from a previous run\n");
    else
        std::printf("repository: generated %zu files, %.1f MiB of text, in %.1f s (incl. git "
                    "add/commit)\n",
                    generated.files, generated.bytes / 1048576.0, generated.seconds);

    // Baseline 1: list the index and read every file once, one thread.
    auto start = Clock::now();
    auto tracked = git::TrackedFiles::list(options.repo);
    if (!tracked.ok()) {
        std::fprintf(stderr, "error: %s\n", tracked.error().message().c_str());
        return 1;
    }
    std::string buffer;
    std::uint64_t bytes = 0;
    for (const auto& file : tracked->files) {
        localize::FileReader::read(options.repo + "/" + file.path, 1u << 30, buffer);
        bytes += buffer.size();
    }
    const double catMs = msSince(start);
    std::printf("baseline read-all (ls-files | xargs cat): %8.1f ms for %zu files, %.1f MiB\n",
                catMs, tracked->files.size(), bytes / 1048576.0);

    // Baseline 2: git grep -c of one query word.
    start = Clock::now();
    const std::string grep = "cd '" + options.repo + "' && git grep -c throttle > /dev/null";
    const int grepRc = std::system(grep.c_str());
    const double grepMs = msSince(start);
    std::printf("baseline git grep -c throttle:            %8.1f ms (exit %d)\n", grepMs, grepRc);

    localize::LocalizeRequest request;
    request.root = options.repo;
    request.query = bench::RepoGenerator::query();
    request.topK = 10;
    request.tokenBudget = 8000;
    request.threads = options.threads;
    request.cacheDir = options.repo + "-cache";
    std::filesystem::remove_all(request.cacheDir);

    // Each run in its own process, so its peak RSS is its own and the warm run
    // starts without the cold run's heap.
    // "plain": no cache at all; "cold": empty cache, filled by this run; "warm":
    // the cache the cold run wrote.
    for (const char* label : {"plain", "cold", "warm"}) {
        std::fflush(stdout);
        const pid_t child = ::fork();
        if (child == 0) {
            localize::LocalizeRequest run = request;
            if (std::string(label) == "plain")
                run.cacheDir.clear();
            auto result = localize::Localizer::localize(run);
            const auto peak = bench::PeakMemory::peakKiB();
            if (!result.ok()) {
                std::fprintf(stderr, "error: %s\n", result.error().message().c_str());
                std::_Exit(1);
            }
            printRun(label, *result, peak);
            const double totalMs = result->timings.totalMs;
            std::printf("      ratio to read-all %.2fx, to git grep %.2fx; symbols: %s\n",
                        totalMs / catMs, totalMs / grepMs, result->symbolSource.c_str());
            if (std::string(label) == "plain") {
                std::printf("      top files:\n");
                for (std::size_t i = 0; i < result->ranking.files.size() && i < 6; ++i)
                    std::printf("        %zu. %7.3f  %s\n", i + 1, result->ranking.files[i].score,
                                result->ranking.files[i].path.c_str());
                const auto needles = bench::RepoGenerator::needles();
                const bool first = !result->ranking.files.empty() &&
                                   (result->ranking.files[0].path == needles[0] ||
                                    result->ranking.files[0].path == needles[1]);
                std::printf("      a RateLimiter file ranks first: %s; excerpts %zu files, %llu "
                            "of %llu tokens\n",
                            first ? "yes" : "NO", result->excerpts.filesShown,
                            static_cast<unsigned long long>(result->excerpts.tokensUsed),
                            static_cast<unsigned long long>(result->excerpts.tokenBudget));
            }
            std::fflush(stdout);
            std::_Exit(0);
        }
        int status = 0;
        ::waitpid(child, &status, 0);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
            return 1;
    }

    // Symbol extractors on a sample, extrapolated to the whole repository.
    if (options.ctagsSample > 0) {
        std::vector<std::string> sample;
        for (const auto& file : tracked->files) {
            if (sample.size() >= options.ctagsSample)
                break;
            if (localize::BuiltinSymbolExtractor::supports(
                    localize::LanguageDetector::detect(file.path)))
                sample.push_back(file.path);
        }
        start = Clock::now();
        std::size_t builtinSymbols = 0;
        for (const auto& path : sample) {
            localize::FileReader::read(options.repo + "/" + path, 1u << 20, buffer);
            builtinSymbols += localize::BuiltinSymbolExtractor::extract(
                                  localize::LanguageDetector::detect(path), buffer)
                                  .size();
        }
        const double builtinMs = msSince(start);
        std::printf("symbols on %zu source files: built-in %.1f ms (%zu symbols, read included, "
                    "one thread)",
                    sample.size(), builtinMs, builtinSymbols);
        if (localize::CtagsExtractor::available()) {
            start = Clock::now();
            auto tags = localize::CtagsExtractor::extract(options.repo, sample);
            const double ctagsMs = msSince(start);
            std::size_t count = 0;
            if (tags.ok())
                for (const auto& [path, list] : *tags)
                    count += list.size();
            std::printf(", ctags %.1f ms (%zu symbols, %u processes); extrapolated to %zu "
                        "files: ctags %.1f s\n",
                        ctagsMs, count, std::thread::hardware_concurrency(), tracked->files.size(),
                        ctagsMs / static_cast<double>(sample.size()) *
                            static_cast<double>(tracked->files.size()) / 1000.0);
        } else {
            std::printf(", ctags not installed\n");
        }
    }
    std::printf("cache file: %.1f MiB\n", std::filesystem::exists(request.cacheDir)
                                             ? [&] {
                                                   std::uintmax_t size = 0;
                                                   for (const auto& e : std::filesystem::directory_iterator(request.cacheDir))
                                                       size += e.file_size();
                                                   return size / 1048576.0;
                                               }()
                                             : 0.0);
    std::printf("targets: cold localize <= 2000 ms, peak RSS <= 500 MiB\n");
    return 0;
}
