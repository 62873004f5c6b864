// bench_review: how fast the automated reviewer is.
//  1. review of a generated 10,000-changed-line diff across 200 files in 8
//     languages (parse, then the full Reviewer), target <= 200 ms;
//  2. secret-scanning and security-pattern throughput in MB/s over a few MB of
//     code, against a baseline measured in the same run over the same bytes: a
//     memchr line split plus a byte-sum pass (the cheapest full read possible).
// Prints figures; never fails on a slow machine. --quick runs fewer rounds.
#include "BenchCorpus.h"
#include "common/diff/DiffParser.h"
#include "review/Reviewer.h"
#include "review/SecretScanner.h"
#include "review/SecurityScanner.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

using namespace builder;
using Clock = std::chrono::steady_clock;

namespace {

template <typename F> double medianMs(int rounds, F&& work)
{
    std::vector<double> times;
    for (int i = 0; i < rounds; ++i) {
        const auto start = Clock::now();
        work();
        times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

review::ScanTarget targetOf(const std::string& path, const std::string& text)
{
    review::ScanTarget target;
    target.path = path;
    std::size_t begin = 0;
    int number = 1;
    while (begin < text.size()) {
        const void* nl = std::memchr(text.data() + begin, '\n', text.size() - begin);
        const std::size_t end =
            nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - text.data()) : text.size();
        target.lines.push_back({number++, std::string_view(text.data() + begin, end - begin)});
        begin = end + 1;
    }
    return target;
}

std::atomic<std::uint64_t> g_sink{0};

} // namespace

int main(int argc, char** argv)
{
    const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
    const int rounds = quick ? 5 : 21;

    // 1. The 10,000-changed-line diff.
    const std::string patch = bench::BenchCorpus::diff(10000, 200, 42);
    auto parsed = common::diff::DiffParser::parse(patch);
    if (!parsed.ok()) {
        std::fprintf(stderr, "generated diff does not parse: %s\n",
                     parsed.error().message().c_str());
        return 1;
    }
    const int changed = parsed->additions() + parsed->deletions();
    const review::Reviewer reviewer;
    review::ReviewInput input;
    input.diff = *parsed;
    (void)reviewer.review(input); // build the rule tables once, outside the timing
    const double parseMs =
        medianMs(rounds, [&] { g_sink += common::diff::DiffParser::parse(patch)->files.size(); });
    review::ReviewReport report;
    const double reviewMs = medianMs(rounds, [&] { report = reviewer.review(input); });
    std::printf("diff: %zu bytes, %zu files, %d changed lines (%d added, %d removed)\n",
                patch.size(), parsed->files.size(), changed, parsed->additions(),
                parsed->deletions());
    std::printf("  parse             %8.2f ms (median of %d)\n", parseMs, rounds);
    std::printf("  review            %8.2f ms (median of %d)  findings %zu, risk %d, decision %s\n",
                reviewMs, rounds, report.findings.size(), report.riskScore,
                review::decisionName(report.decision));
    std::printf("  parse + review    %8.2f ms   target <= 200 ms: %s\n", parseMs + reviewMs,
                parseMs + reviewMs <= 200.0 ? "met" : "MISSED");

    // 2. Throughput over a few MB of code.
    const std::string code = bench::BenchCorpus::source(quick ? 2u << 20 : 8u << 20, 7);
    const double mb = static_cast<double>(code.size()) / (1024.0 * 1024.0);
    const double baselineMs = medianMs(rounds, [&] {
        std::uint64_t lines = 0, sum = 0;
        for (const char *p = code.data(), *end = code.data() + code.size(); p < end;) {
            const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
            const char* stop = nl ? static_cast<const char*>(nl) : end;
            for (const char* q = p; q < stop; ++q)
                sum += static_cast<unsigned char>(*q);
            ++lines;
            p = stop + 1;
        }
        g_sink += lines + sum;
    });
    const review::ScanTarget cppTarget = targetOf("src/service/handler.py", code);
    std::vector<review::Finding> findings;
    const double secretsMs = medianMs(rounds, [&] {
        findings.clear();
        review::SecretScanner::builtIn().scan(cppTarget, findings);
    });
    const std::size_t secretFindings = findings.size();
    const double securityMs = medianMs(rounds, [&] {
        findings.clear();
        review::SecurityScanner::builtIn().scan(cppTarget, findings);
    });
    std::printf("code: %.1f MB, %zu lines\n", mb, cppTarget.lines.size());
    std::printf("  baseline memchr+byte-sum %8.1f MB/s\n", mb / (baselineMs / 1000.0));
    std::printf("  secret scanner           %8.1f MB/s (%zu rules, %zu findings)  %.1fx the "
                "baseline time\n",
                mb / (secretsMs / 1000.0), review::SecretScanner::builtIn().rules().size(),
                secretFindings, secretsMs / baselineMs);
    std::printf("  security patterns        %8.1f MB/s (%zu rules, %zu findings)  %.1fx the "
                "baseline time\n",
                mb / (securityMs / 1000.0), review::SecurityScanner::builtIn().rules().size(),
                findings.size(), securityMs / baselineMs);
    return 0;
}
