#pragma once

#include "BenchOptions.h"
#include "BenchReport.h"
#include "LoadRunner.h"

#include <grpcpp/channel.h>

#include <QString>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace builder::testing {
class BuilderdProcess;
}

namespace builder::bench {

class BenchClient;

// The sections of bench_builderd, each against a real builderd:
//   ping    grpc.health.v1.Health/Check, the plain unary gRPC baseline
//   get     FeatureService/Get throughput
//   create  FeatureService/Create throughput
//   mixed   Get and health-check latency alone and while Creates run
//   live    live-event latency over many open ListEvents streams
//   replay  ListEvents replay of a long prepopulated event log
//   search  FeatureService/Search latency over many prepopulated executions
class BuilderdBench
{
public:
    BuilderdBench(BenchOptions options, BenchReport& report);
    ~BuilderdBench();

    void run();

private:
    std::unique_ptr<testing::BuilderdProcess> startServer(const QString& dataDir);
    void runApiSections();
    void runPing(BenchClient& client, std::int64_t serverPid);
    void runGet(BenchClient& client, const std::string& repositoryId, std::int64_t serverPid);
    void runCreate(BenchClient& client, const std::string& repositoryId, std::int64_t serverPid);
    void runMixed(BenchClient& client, const std::string& repositoryId);
    void runLiveEvents(BenchClient& client, const std::string& repositoryId);
    void runReplay();
    void describeStalls(const std::vector<std::chrono::steady_clock::time_point>& arrivals);
    void runSearch();

    // Channel for client thread `t`: its own, or the one shared by all.
    std::shared_ptr<grpc::Channel> loadChannel(BenchClient& client);
    // CPU used by builderd (in total and by thread) and by this process over
    // a measured window.
    struct CpuWindow;
    // Prints the throughput figure and its CPU cost; false if calls failed.
    bool reportThroughput(const std::string& name, const std::string& what,
                          const LoadRunner::Result& result, double target, const CpuWindow& cpu);

    BenchOptions m_options;
    BenchReport& m_report;
    std::optional<double> m_pingPerSecond;
    std::shared_ptr<grpc::Channel> m_sharedChannel;
};

} // namespace builder::bench
