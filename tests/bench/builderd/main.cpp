// bench_builderd: throughput and latency of a real builderd over gRPC, next to
// a plain gRPC health-check baseline. Prints figures and their targets; the
// exit code is non-zero only when the benchmark could not run.
#include "BenchOptions.h"
#include "BenchReport.h"
#include "BuilderdBench.h"

#include <QCoreApplication>
#include <QDir>

#include <iostream>
#include <sstream>
#include <string>

using builder::bench::BenchOptions;

namespace {

const char* kUsage =
    "usage: bench_builderd [--quick] [--duration-ms N] [--clients N] [--shared-channel]\n"
    "                      [--sections ping,get,create,mixed,live,replay,search]\n"
    "  --quick           reduced sizes (1 s runs, 20,000 events/executions, 50 streams)\n"
    "  --shared-channel  all client threads share one channel instead of one each\n"
    "Needs BUILDER_TEST_BINARY_DIR (the build directory holding backend/daemon/builderd);\n"
    "defaults to the build directory this program was built in.\n";

bool parse(int argc, char** argv, BenchOptions& o)
{
    bool durationSet = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : std::string(); };
        try {
            if (arg == "--quick") {
                o.quick = true;
            } else if (arg == "--shared-channel") {
                o.sharedChannel = true;
            } else if (arg == "--duration-ms") {
                o.duration = std::chrono::milliseconds(std::stoi(value()));
                durationSet = true;
            } else if (arg == "--clients") {
                o.clients = std::max(1, std::stoi(value()));
            } else if (arg == "--sections") {
                std::stringstream list(value());
                for (std::string s; std::getline(list, s, ',');)
                    if (!s.empty())
                        o.sections.insert(s);
            } else if (arg == "--help" || arg == "-h") {
                std::cout << kUsage;
                std::exit(0);
            } else {
                std::cerr << "unknown argument " << arg << "\n" << kUsage;
                return false;
            }
        } catch (const std::exception&) {
            std::cerr << arg << " needs a number\n" << kUsage;
            return false;
        }
    }
    if (o.quick) {
        if (!durationSet)
            o.duration = std::chrono::milliseconds(1000);
        o.warmup = std::chrono::milliseconds(200);
        o.getExecutions = 64;
        o.replayEvents = 20000;
        o.liveStreams = 50;
        o.searchExecutions = 20000;
    }
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv); // QProcess (BuilderdProcess) wants one
    BenchOptions options;
    if (!parse(argc, argv, options))
        return 2;
    if (qEnvironmentVariableIsEmpty("BUILDER_TEST_BINARY_DIR")) {
        // <build>/tests/bench/builderd/bench_builderd -> <build>
        QDir build(QCoreApplication::applicationDirPath());
        build.cd("../../..");
        qputenv("BUILDER_TEST_BINARY_DIR", build.absolutePath().toUtf8());
    }
    builder::bench::BenchReport report;
    builder::bench::BuilderdBench bench(options, report);
    bench.run();
    report.printSummary();
    return report.exitCode();
}
