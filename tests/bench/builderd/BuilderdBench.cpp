#include "BuilderdBench.h"

#include "BenchClient.h"
#include "EventStreamWatcher.h"
#include "LatencySummary.h"
#include "ProcessCpu.h"
#include "StoreSeeder.h"
#include "Vocabulary.h"
#include "support/BuilderdProcess.h"
#include "support/GitFixture.h"
#include "support/GrpcTestClient.h"

#include <QTemporaryDir>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <map>
#include <random>
#include <thread>

namespace builder::bench {

namespace fv1 = feature::feature::v1;
using Clock = std::chrono::steady_clock;
using testing::BuilderdProcess;

namespace {

double msSince(Clock::time_point from)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - from).count();
}

std::string fixed(double value, int decimals)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

} // namespace

struct BuilderdBench::CpuWindow
{
    explicit CpuWindow(std::int64_t pid) : serverPid(pid) {}

    std::int64_t serverPid = 0;
    std::int64_t serverFrom = 0, serverTo = 0, clientFrom = 0, clientTo = 0;
    std::map<std::string, std::int64_t> threadsFrom, threadsTo;
    // Time runnable but waiting for a CPU, and the whole machine's CPU use.
    std::int64_t serverWaitFrom = 0, serverWaitTo = 0, clientWaitFrom = 0, clientWaitTo = 0;
    std::int64_t machineFrom = 0, machineTo = 0;
    Clock::time_point openedAt, closedAt;

    void mark(bool opening)
    {
        if (opening) {
            openedAt = Clock::now();
            serverFrom = ProcessCpu::micros(serverPid);
            clientFrom = ProcessCpu::micros();
            threadsFrom = ProcessCpu::microsByThreadName(serverPid);
            serverWaitFrom = ProcessCpu::runQueueMicros(serverPid);
            clientWaitFrom = ProcessCpu::runQueueMicros();
            machineFrom = ProcessCpu::machineMicros();
        } else {
            closedAt = Clock::now();
            serverTo = ProcessCpu::micros(serverPid);
            clientTo = ProcessCpu::micros();
            threadsTo = ProcessCpu::microsByThreadName(serverPid);
            serverWaitTo = ProcessCpu::runQueueMicros(serverPid);
            clientWaitTo = ProcessCpu::runQueueMicros();
            machineTo = ProcessCpu::machineMicros();
        }
    }
    // How much the window's processes fought over the CPUs: time runnable but
    // not running, and what the rest of the machine used meanwhile.
    std::string contention() const
    {
        if (serverWaitFrom < 0 || clientWaitFrom < 0 || machineFrom < 0)
            return "not measurable";
        const auto ours = (serverTo - serverFrom) + (clientTo - clientFrom);
        const auto others = std::max<std::int64_t>(0, (machineTo - machineFrom) - ours);
        return "builderd threads waited " +
               fixed(static_cast<double>(serverWaitTo - serverWaitFrom) / 1000, 1) +
               " ms for a CPU, bench client threads " +
               fixed(static_cast<double>(clientWaitTo - clientWaitFrom) / 1000, 1) +
               " ms; other processes used about " + fixed(static_cast<double>(others) / 1000, 0) +
               " ms of CPU in the " + fixed(seconds() * 1000, 0) + " ms window (" +
               std::to_string(std::thread::hardware_concurrency()) + " CPUs, 10 ms ticks)";
    }
    // builderd's CPU per unit by thread name.
    std::string threads(double units, const std::string& unit) const
    {
        return ProcessCpu::describeDelta(threadsFrom, threadsTo, units, unit);
    }
    double seconds() const { return std::chrono::duration<double>(closedAt - openedAt).count(); }
};

BuilderdBench::BuilderdBench(BenchOptions options, BenchReport& report)
    : m_options(std::move(options)), m_report(report)
{}

BuilderdBench::~BuilderdBench() = default;

std::unique_ptr<BuilderdProcess> BuilderdBench::startServer(const QString& dataDir)
{
    BuilderdProcess::Options options;
    options.extraArgs = {"--rate-limits", "off"};
    options.dataDir = dataDir;
    auto server = std::make_unique<BuilderdProcess>(options);
    const auto startedAt = Clock::now();
    if (!server->start()) {
        m_report.fail("builderd did not start: " + server->errorString().toStdString());
        return nullptr;
    }
    m_report.info("builderd pid " + std::to_string(server->pid()) + " on " +
                  server->grpcAddress().toStdString() + ", started in " +
                  fixed(msSince(startedAt), 0) + " ms");
    return server;
}

std::shared_ptr<grpc::Channel> BuilderdBench::loadChannel(BenchClient& client)
{
    if (!m_options.sharedChannel)
        return client.dedicatedChannel();
    return m_sharedChannel;
}

bool BuilderdBench::reportThroughput(const std::string& name, const std::string& what,
                                     const LoadRunner::Result& result, double target,
                                     const CpuWindow& cpu)
{
    const double rate = result.perSecond();
    const double windowSeconds = cpu.seconds();
    const double callsInWindow = rate * windowSeconds;
    const auto serverCpuMicros = cpu.serverTo - cpu.serverFrom;
    const auto clientCpuMicros = cpu.clientTo - cpu.clientFrom;
    if (callsInWindow > 0 && cpu.serverFrom >= 0 && cpu.clientFrom >= 0) {
        m_report.info(
            what + ": " + std::to_string(result.calls) + " calls in " + fixed(result.seconds, 2) +
            " s; CPU per call: builderd " +
            fixed(static_cast<double>(serverCpuMicros) / callsInWindow, 0) + " us, bench client " +
            fixed(static_cast<double>(clientCpuMicros) / callsInWindow, 0) + " us; builderd used " +
            fixed(static_cast<double>(serverCpuMicros) / 1e6 / windowSeconds * 100, 0) +
            "% of one core");
        m_report.info("builderd CPU by thread: " + cpu.threads(callsInWindow, "call"));
    }
    BenchReport::Figure figure;
    figure.name = name;
    figure.value = rate;
    if (target > 0) {
        figure.goal = BenchReport::Goal::AtLeast;
        figure.target = target;
    } else {
        figure.note = "baseline";
    }
    if (m_pingPerSecond && target > 0 && *m_pingPerSecond > 0)
        figure.pingRatio = rate / *m_pingPerSecond;
    m_report.add(figure);
    if (result.errors > 0) {
        m_report.fail(what + ": " + std::to_string(result.errors) +
                      " calls failed; first: " + result.firstError);
        return false;
    }
    if (result.calls == 0) {
        m_report.fail(what + ": no call completed");
        return false;
    }
    return true;
}

void BuilderdBench::run()
{
    m_report.info("bench_builderd: " + std::to_string(m_options.clients) + " client threads, " +
                  (m_options.sharedChannel ? "one channel shared by all client threads"
                                           : "one channel (own TCP connection) per client thread") +
                  ", " + std::to_string(m_options.duration.count()) +
                  " ms per throughput run after " + std::to_string(m_options.warmup.count()) +
                  " ms warm-up" + (m_options.quick ? " (--quick sizes)" : "") + "; " +
                  std::to_string(std::thread::hardware_concurrency()) + " CPUs");
    if (m_options.wants("ping") || m_options.wants("get") || m_options.wants("create") ||
        m_options.wants("mixed") || m_options.wants("live"))
        runApiSections();
    if (m_options.wants("replay"))
        runReplay();
    if (m_options.wants("search"))
        runSearch();
}

void BuilderdBench::runApiSections()
{
    m_report.section("unary calls and live events (fresh data directory)");
    QTemporaryDir work;
    const QString remote = work.path() + "/remote.git";
    QString gitError;
    if (!testing::GitFixture::createBareWithCommit(remote, "main", &gitError)) {
        m_report.fail("cannot create the fixture repository: " + gitError.toStdString());
        return;
    }
    auto server = startServer({});
    if (!server)
        return;
    BenchClient client(server->grpcAddress(), server->adminToken());
    m_sharedChannel = client.dedicatedChannel();
    if (!BenchClient::connect(m_sharedChannel)) {
        m_report.fail("cannot connect to builderd at " + server->grpcAddress().toStdString());
        return;
    }
    std::string error;
    const auto repositoryId = client.registerRepository(m_sharedChannel, "bench-repository",
                                                        "file://" + remote.toStdString(), &error);
    if (repositoryId.empty()) {
        m_report.fail(error);
        return;
    }
    const auto pid = server->pid();
    if (m_options.wants("ping"))
        runPing(client, pid);
    if (m_options.wants("get"))
        runGet(client, repositoryId, pid);
    if (m_options.wants("create"))
        runCreate(client, repositoryId, pid);
    if (m_options.wants("mixed"))
        runMixed(client, repositoryId);
    if (m_options.wants("live"))
        runLiveEvents(client, repositoryId);
    const int exitCode = server->stop();
    if (exitCode != 0)
        m_report.fail("builderd exited with " + std::to_string(exitCode) + ": " +
                      server->output().toStdString());
    m_sharedChannel.reset();
}

void BuilderdBench::runPing(BenchClient& client, std::int64_t serverPid)
{
    m_report.section("baseline: grpc.health.v1.Health/Check");
    CpuWindow cpu(serverPid);
    auto result = LoadRunner::run(
        m_options.clients, m_options.warmup, m_options.duration,
        [&](int) -> LoadRunner::Call {
            auto pinger = std::make_shared<HealthPinger>(loadChannel(client));
            return [pinger](std::string* error) { return pinger->ping(error); };
        },
        [&](bool opening) { cpu.mark(opening); });
    if (result.errors == 0 && result.calls > 0)
        m_pingPerSecond = result.perSecond();
    reportThroughput("ping_throughput_per_s", "Health/Check", result, 0, cpu);
}

void BuilderdBench::runGet(BenchClient& client, const std::string& repositoryId,
                           std::int64_t serverPid)
{
    m_report.section("FeatureService/Get");
    auto stub = fv1::FeatureService::NewStub(m_sharedChannel);
    std::vector<std::string> ids;
    std::string error;
    const auto startedAt = Clock::now();
    for (int i = 0; i < m_options.getExecutions; ++i) {
        auto id =
            client.createExecution(*stub, repositoryId, "Get target " + std::to_string(i), &error);
        if (id.empty()) {
            m_report.fail("creating executions for Get: " + error);
            return;
        }
        ids.push_back(std::move(id));
    }
    m_report.info("created " + std::to_string(ids.size()) + " executions through the API in " +
                  fixed(msSince(startedAt), 0) + " ms; each call Gets a random one of them");

    CpuWindow cpu(serverPid);
    auto result = LoadRunner::run(
        m_options.clients, m_options.warmup, m_options.duration,
        [&](int thread) -> LoadRunner::Call {
            struct Worker
            {
                std::shared_ptr<fv1::FeatureService::Stub> stub;
                std::mt19937 rng;
            };
            auto w = std::make_shared<Worker>(
                Worker{fv1::FeatureService::NewStub(loadChannel(client)),
                       std::mt19937(static_cast<std::uint32_t>(thread + 1))});
            return [w, &ids, &client](std::string* error) {
                const auto& id = ids[w->rng() % ids.size()];
                fv1::GetRequest request;
                request.set_id(id);
                fv1::GetResponse response;
                auto ctx = client.context();
                const auto status = w->stub->Get(ctx.get(), request, &response);
                if (!status.ok()) {
                    *error = "Get: " + BenchClient::describe(status);
                    return false;
                }
                if (response.execution().id() != id) {
                    *error = "Get returned another execution";
                    return false;
                }
                return true;
            };
        },
        [&](bool opening) { cpu.mark(opening); });
    reportThroughput("get_throughput_per_s", "Get", result, 5000, cpu);
}

void BuilderdBench::runCreate(BenchClient& client, const std::string& repositoryId,
                              std::int64_t serverPid)
{
    m_report.section("FeatureService/Create");
    m_report.info("valid requests (title, description, repository_id, unique idempotency_key) "
                  "against one repository registered from a local bare git repository");
    const std::string runTag =
        std::to_string(std::chrono::system_clock::now().time_since_epoch().count() % 1000000007);
    CpuWindow cpu(serverPid);
    auto result = LoadRunner::run(
        m_options.clients, m_options.warmup, m_options.duration,
        [&](int thread) -> LoadRunner::Call {
            struct Worker
            {
                std::shared_ptr<fv1::FeatureService::Stub> stub;
                std::string prefix;
                int next = 0;
            };
            auto w = std::make_shared<Worker>(
                Worker{fv1::FeatureService::NewStub(loadChannel(client)),
                       "Create " + runTag + " t" + std::to_string(thread) + " n", 0});
            return [w, &client, repositoryId](std::string* error) {
                return !client
                            .createExecution(*w->stub, repositoryId,
                                             w->prefix + std::to_string(w->next++), error)
                            .empty();
            };
        },
        [&](bool opening) { cpu.mark(opening); });
    reportThroughput("create_throughput_per_s", "Create", result, 1000, cpu);
}

void BuilderdBench::runMixed(BenchClient& client, const std::string& repositoryId)
{
    m_report.section("mixed: Get and Health/Check latency, alone and during a Create load");
    auto channel = client.dedicatedChannel();
    if (!BenchClient::connect(channel)) {
        m_report.fail("cannot connect for the mixed load");
        return;
    }
    auto stub = fv1::FeatureService::NewStub(channel);
    HealthPinger pinger(channel);
    std::string error;
    const auto id = client.createExecution(*stub, repositoryId, "Mixed target", &error);
    if (id.empty()) {
        m_report.fail("creating the execution for the mixed load: " + error);
        return;
    }
    // One probe client, one call at a time: a Get, then a health check.
    auto probe = [&](LatencySummary& get, LatencySummary& ping, Clock::time_point until,
                     int maxRounds) {
        for (int i = 0; i < maxRounds && Clock::now() < until && error.empty(); ++i) {
            fv1::GetRequest request;
            request.set_id(id);
            fv1::GetResponse response;
            auto ctx = client.context();
            auto startedAt = Clock::now();
            const auto status = stub->Get(ctx.get(), request, &response);
            get.add(msSince(startedAt));
            if (!status.ok())
                error = "Get: " + BenchClient::describe(status);
            startedAt = Clock::now();
            if (!pinger.ping(&error))
                break;
            ping.add(msSince(startedAt));
        }
    };
    const int rounds = m_options.quick ? 200 : 1000;
    LatencySummary idleGet, idlePing, loadedGet, loadedPing;
    probe(idleGet, idlePing, Clock::now() + m_options.duration, rounds);

    // The same probe while `clients` threads run calls back to back: Gets
    // (reads: CPU load only) as a control, then Creates (serialised writes).
    auto underLoad = [&](bool creates, LatencySummary& get, LatencySummary& ping) {
        std::atomic<bool> loadStarted{false};
        LoadRunner::Result load;
        std::thread loader([&] {
            load = LoadRunner::run(
                m_options.clients, m_options.warmup, m_options.duration,
                [&](int thread) -> LoadRunner::Call {
                    std::shared_ptr<fv1::FeatureService::Stub> loadStub =
                        fv1::FeatureService::NewStub(loadChannel(client));
                    auto next = std::make_shared<int>(0);
                    const std::string prefix =
                        "Mixed load " + std::to_string(Clock::now().time_since_epoch().count()) +
                        " t" + std::to_string(thread) + " n";
                    return [=, &client](std::string* error) {
                        if (creates)
                            return !client
                                        .createExecution(*loadStub, repositoryId,
                                                         prefix + std::to_string((*next)++), error)
                                        .empty();
                        fv1::GetRequest request;
                        request.set_id(id);
                        fv1::GetResponse response;
                        auto ctx = client.context();
                        const auto status = loadStub->Get(ctx.get(), request, &response);
                        if (!status.ok())
                            *error = "Get: " + BenchClient::describe(status);
                        return status.ok();
                    };
                },
                [&](bool opening) {
                    if (opening)
                        loadStarted = true;
                });
        });
        while (!loadStarted)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        probe(get, ping, Clock::now() + m_options.duration, 1 << 30);
        loader.join();
        if (load.errors > 0)
            m_report.fail(std::string("mixed load: ") + std::to_string(load.errors) +
                          (creates ? " Creates" : " Gets") + " failed; first: " + load.firstError);
        return load.perSecond();
    };
    LatencySummary getLoadGet, getLoadPing;
    const double getRate = underLoad(false, getLoadGet, getLoadPing);
    const double createRate = underLoad(true, loadedGet, loadedPing);
    if (!error.empty()) {
        m_report.fail("mixed load probe: " + error);
        return;
    }
    m_report.info("alone:  Get " + idleGet.describe());
    m_report.info("alone:  Health/Check " + idlePing.describe());
    m_report.info("during " + fixed(getRate, 0) + " Gets/s from " +
                  std::to_string(m_options.clients) + " clients (control):");
    m_report.info("        Get " + getLoadGet.describe());
    m_report.info("        Health/Check " + getLoadPing.describe());
    m_report.info("during " + fixed(createRate, 0) + " Creates/s from " +
                  std::to_string(m_options.clients) + " clients:");
    m_report.info("        Get " + loadedGet.describe());
    m_report.info("        Health/Check " + loadedPing.describe());
    auto figure = [&](const std::string& name, double value, double idle, double control) {
        BenchReport::Figure f;
        f.name = name;
        f.value = value;
        f.decimals = 2;
        f.note = "alone " + fixed(idle, 2) + ", during Gets " + fixed(control, 2);
        m_report.add(f);
    };
    figure("get_p50_ms_during_creates", loadedGet.percentile(50), idleGet.percentile(50),
           getLoadGet.percentile(50));
    figure("ping_p50_ms_during_creates", loadedPing.percentile(50), idlePing.percentile(50),
           getLoadPing.percentile(50));
}

void BuilderdBench::runLiveEvents(BenchClient& client, const std::string& repositoryId)
{
    const int streams = m_options.liveStreams;
    m_report.section("live events: " + std::to_string(streams) + " open ListEvents streams");
    auto stub = fv1::FeatureService::NewStub(m_sharedChannel);
    std::vector<std::string> ids;
    std::string error;
    for (int i = 0; i < streams; ++i) {
        auto id =
            client.createExecution(*stub, repositoryId,
                                   "Live target " + std::to_string(i) + " " +
                                       std::to_string(Clock::now().time_since_epoch().count()),
                                   &error);
        if (id.empty()) {
            m_report.fail("creating executions for live events: " + error);
            return;
        }
        ids.push_back(std::move(id));
    }

    // All streams share one channel (one HTTP/2 connection) read through the
    // callback API; Cancel goes over another connection.
    auto streamChannel = client.dedicatedChannel();
    auto cancelChannel = client.dedicatedChannel();
    if (!BenchClient::connect(streamChannel) || !BenchClient::connect(cancelChannel)) {
        m_report.fail("cannot connect for live events");
        return;
    }
    auto streamStub = fv1::FeatureService::NewStub(streamChannel);
    auto cancelStub = fv1::FeatureService::NewStub(cancelChannel);

    WatchGroup group;
    std::vector<std::unique_ptr<EventStreamWatcher>> watchers;
    for (const auto& id : ids)
        watchers.push_back(std::make_unique<EventStreamWatcher>(group, id, "feature.cancelled"));
    const auto openedAt = Clock::now();
    for (auto& watcher : watchers)
        watcher->start(*streamStub, client.token());
    const bool allReady = group.waitFor(streams, 0, 0, std::chrono::seconds(60));
    m_report.info(std::to_string(group.ready()) + " of " + std::to_string(streams) +
                  " streams open and replayed feature.created in " + fixed(msSince(openedAt), 0) +
                  " ms");

    std::vector<Clock::time_point> sentAt(watchers.size());
    LatencySummary cancelRpc;
    bool cancelsOk = allReady;
    if (allReady) {
        for (std::size_t i = 0; i < watchers.size(); ++i) {
            fv1::CancelRequest request;
            request.set_id(watchers[i]->executionId());
            request.set_reason("live event latency benchmark");
            fv1::CancelResponse response;
            auto ctx = client.context();
            sentAt[i] = Clock::now();
            const auto status = cancelStub->Cancel(ctx.get(), request, &response);
            cancelRpc.add(msSince(sentAt[i]));
            if (!status.ok()) {
                m_report.fail("Cancel: " + BenchClient::describe(status));
                cancelsOk = false;
                break;
            }
        }
    } else {
        m_report.fail("not every ListEvents stream became ready within 60 s");
    }
    const bool allSeen = cancelsOk && group.waitFor(streams, streams, 0, std::chrono::seconds(30));
    if (cancelsOk && !allSeen)
        m_report.fail(std::to_string(group.seen()) + " of " + std::to_string(streams) +
                      " streams received feature.cancelled within 30 s");

    LatencySummary stamped, endToEnd;
    int gaps = 0;
    for (std::size_t i = 0; i < watchers.size(); ++i) {
        if (watchers[i]->gapSeen())
            ++gaps;
        if (!watchers[i]->seen())
            continue;
        stamped.add(watchers[i]->timestampLatencyMs());
        endToEnd.add(
            std::chrono::duration<double, std::milli>(watchers[i]->receivedAt() - sentAt[i])
                .count());
    }
    for (auto& watcher : watchers)
        watcher->cancel();
    if (!group.waitFor(0, 0, streams, std::chrono::seconds(30))) {
        m_report.fail("ListEvents streams did not end within 30 s of being cancelled");
        // gRPC may still call into them: leak rather than free reactors in use.
        for (auto& watcher : watchers)
            static_cast<void>(watcher.release());
        return;
    }
    if (group.unexpectedEnds() > 0)
        for (const auto& watcher : watchers)
            if (!watcher->failure().empty()) {
                m_report.fail(watcher->failure());
                break;
            }
    if (gaps > 0)
        m_report.fail(std::to_string(gaps) + " streams saw a sequence gap or duplicate");

    m_report.info("Cancel RPC round trip: " + cancelRpc.describe());
    m_report.info("receipt - event timestamp: " + stamped.describe() +
                  " (timestamps have 1 ms resolution: each sample may read up to 1 ms high)");
    m_report.info("Cancel sent -> event received: " + endToEnd.describe());
    if (stamped.count() == 0)
        return;
    auto latency = [&](const std::string& name, double value, const std::string& note,
                       bool withTarget) {
        BenchReport::Figure f;
        f.name = name;
        f.value = value;
        f.decimals = 2;
        if (withTarget) {
            f.goal = BenchReport::Goal::AtMost;
            f.target = 10;
        }
        f.note = note;
        m_report.add(f);
    };
    latency("live_event_latency_p50_ms", stamped.percentile(50), "receipt - event timestamp",
            false);
    latency("live_event_latency_p99_ms", stamped.percentile(99), "receipt - event timestamp", true);
    latency("live_cancel_to_event_p50_ms", endToEnd.percentile(50), "Cancel sent -> event received",
            false);
    latency("live_cancel_to_event_p99_ms", endToEnd.percentile(99), "Cancel sent -> event received",
            true);
}

void BuilderdBench::describeStalls(const std::vector<Clock::time_point>& arrivals)
{
    // Where the replay waits: gaps between consecutive events well above the
    // median gap, and whether they fall where the server starts a new batch
    // (EventFeed reads 512 events per store query).
    constexpr std::size_t kServerBatch = 512;
    if (arrivals.size() < 2)
        return;
    std::vector<double> gaps;
    gaps.reserve(arrivals.size() - 1);
    for (std::size_t i = 1; i < arrivals.size(); ++i)
        gaps.push_back(
            std::chrono::duration<double, std::micro>(arrivals[i] - arrivals[i - 1]).count());
    auto sortedGaps = gaps;
    std::nth_element(sortedGaps.begin(), sortedGaps.begin() + sortedGaps.size() / 2,
                     sortedGaps.end());
    const double median = sortedGaps[sortedGaps.size() / 2];
    const double threshold = std::max(100.0, 20 * median);
    double total = 0, stalled = 0, atBoundary = 0;
    int stalls = 0, boundaryStalls = 0;
    for (std::size_t i = 0; i < gaps.size(); ++i) {
        total += gaps[i];
        if (gaps[i] < threshold)
            continue;
        ++stalls;
        stalled += gaps[i];
        // gaps[i] precedes event number i + 2 (sequence numbers start at 1).
        if ((i + 1) % kServerBatch == 0) {
            ++boundaryStalls;
            atBoundary += gaps[i];
        }
    }
    m_report.info("arrival gaps: median " + fixed(median, 2) + " us; " + std::to_string(stalls) +
                  " stalls >= " + fixed(threshold, 0) + " us took " + fixed(stalled / 1000, 1) +
                  " ms (" + fixed(100 * stalled / total, 0) + "% of the replay); " +
                  std::to_string(boundaryStalls) + " of them (" +
                  fixed(stalled > 0 ? 100 * atBoundary / stalled : 0, 0) +
                  "% of the stalled time) right before the first event of a " +
                  std::to_string(kServerBatch) + "-event server batch");
}

void BuilderdBench::runReplay()
{
    const int events = m_options.replayEvents;
    m_report.section("ListEvents replay of " + std::to_string(events) + " stored events");
    QTemporaryDir work;
    const QString dataDir = work.path() + "/data";
    std::string executionId;
    {
        const auto startedAt = Clock::now();
        auto seeder = StoreSeeder::open(dataDir.toStdString());
        if (!seeder.ok()) {
            m_report.fail("cannot open the store: " + seeder.error().message());
            return;
        }
        auto repo =
            seeder.value()->addRepository("replay-repository", "https://example.invalid/r.git");
        auto id = repo.ok() ? seeder.value()->addExecutionWithEvents(repo.value(), events, 25000)
                            : common::Result<std::string>(repo.error());
        if (!id.ok()) {
            m_report.fail("cannot prepopulate events: " + id.error().message());
            return;
        }
        executionId = id.value();
        seeder.value()->close();
        m_report.info("prepopulated 1 execution with " + std::to_string(events) +
                      " events through the store in " + fixed(msSince(startedAt), 0) + " ms");
    }
    auto server = startServer(dataDir);
    if (!server)
        return;
    BenchClient client(server->grpcAddress(), server->adminToken());
    auto channel = client.dedicatedChannel();
    if (!BenchClient::connect(channel)) {
        m_report.fail("cannot connect to builderd");
        return;
    }
    auto stub = fv1::FeatureService::NewStub(channel);

    fv1::ListEventsRequest request;
    request.set_feature_execution_id(executionId);
    request.set_after_sequence(0);
    auto ctx = client.context(600000);
    CpuWindow cpu(server->pid());
    cpu.mark(true);
    const auto startedAt = Clock::now();
    auto reader = stub->ListEvents(ctx.get(), request);
    fv1::ListEventsResponse response;
    std::uint64_t expected = 1;
    bool contiguous = true;
    std::vector<Clock::time_point> arrivals;
    arrivals.reserve(static_cast<std::size_t>(events));
    while (expected <= static_cast<std::uint64_t>(events) && reader->Read(&response)) {
        arrivals.push_back(Clock::now());
        if (response.event().sequence_number() != expected) {
            contiguous = false;
            break;
        }
        ++expected;
    }
    const double elapsedMs = msSince(startedAt);
    cpu.mark(false);
    const auto received = expected - 1;
    ctx->TryCancel();
    const auto status = reader->Finish();
    if (received < static_cast<std::uint64_t>(events)) {
        m_report.fail("ListEvents delivered " + std::to_string(received) + " of " +
                      std::to_string(events) + " events" +
                      (contiguous ? "" : " (sequence gap at " + std::to_string(expected) + ")") +
                      "; stream status: " + BenchClient::describe(status));
        return;
    }
    const double firstMs =
        std::chrono::duration<double, std::milli>(arrivals.front() - startedAt).count();
    m_report.info("first event after " + fixed(firstMs, 1) + " ms, event " +
                  std::to_string(events) + " after " + fixed(elapsedMs, 0) +
                  " ms; sequence numbers 1.." + std::to_string(events) +
                  " arrived contiguous and in order");
    m_report.info(
        "CPU: builderd " + fixed(static_cast<double>(cpu.serverTo - cpu.serverFrom) / events, 2) +
        " us per event, bench client " +
        fixed(static_cast<double>(cpu.clientTo - cpu.clientFrom) / events, 2) + " us per event");
    m_report.info("builderd CPU by thread: " + cpu.threads(events, "event"));
    m_report.info("CPU contention: " + cpu.contention());
    describeStalls(arrivals);
    BenchReport::Figure f;
    f.name = "listevents_replay_events_per_s";
    f.value = events / (elapsedMs / 1000.0);
    f.goal = BenchReport::Goal::AtLeast;
    f.target = 200000;
    m_report.add(f);
    server->stop();
}

void BuilderdBench::runSearch()
{
    const int executions = m_options.searchExecutions;
    m_report.section("FeatureService/Search over " + std::to_string(executions) + " executions");
    QTemporaryDir work;
    const QString dataDir = work.path() + "/data";
    const Vocabulary vocabulary;
    std::vector<std::string> repositories;
    {
        const auto startedAt = Clock::now();
        auto seeder = StoreSeeder::open(dataDir.toStdString());
        if (!seeder.ok()) {
            m_report.fail("cannot open the store: " + seeder.error().message());
            return;
        }
        for (int r = 0; r < 8; ++r) {
            auto repo = seeder.value()->addRepository("search-repository-" + std::to_string(r),
                                                      "https://example.invalid/search-" +
                                                          std::to_string(r) + ".git");
            if (!repo.ok()) {
                m_report.fail("cannot prepopulate repositories: " + repo.error().message());
                return;
            }
            repositories.push_back(repo.value());
        }
        auto added = seeder.value()->addExecutions(repositories, executions, 20000, vocabulary, 42);
        if (!added.ok()) {
            m_report.fail("cannot prepopulate executions: " + added.error().message());
            return;
        }
        seeder.value()->close();
        m_report.info("prepopulated " + std::to_string(executions) + " executions over " +
                      std::to_string(repositories.size()) + " repositories (" +
                      std::to_string(vocabulary.size()) +
                      "-word vocabulary, 4-word titles, 15-word descriptions; 50% completed, "
                      "15% failed, 10% cancelled, the rest in flight) in " +
                      fixed(msSince(startedAt), 0) + " ms");
    }
    auto server = startServer(dataDir);
    if (!server)
        return;
    BenchClient client(server->grpcAddress(), server->adminToken());
    auto channel = client.dedicatedChannel();
    if (!BenchClient::connect(channel)) {
        m_report.fail("cannot connect to builderd");
        return;
    }
    auto stub = fv1::FeatureService::NewStub(channel);

    // The query mix, one kind after another: free text, state and repository
    // filters and their combinations, always page_size 50.
    const std::vector<std::vector<int>> stateSets = {
        {fv1::FEATURE_STATE_COMPLETED},
        {fv1::FEATURE_STATE_FAILED, fv1::FEATURE_STATE_CANCELLED},
        {fv1::FEATURE_STATE_AWAITING_REVIEW},
        {fv1::FEATURE_STATE_PENDING, fv1::FEATURE_STATE_ANALYZING, fv1::FEATURE_STATE_PLANNING,
         fv1::FEATURE_STATE_EXECUTING, fv1::FEATURE_STATE_VERIFYING},
    };
    const std::vector<std::string> kinds = {"text",       "text+state",       "state",
                                            "repository", "repository+state", "text+repository",
                                            "two words",  "no filter"};
    std::mt19937 rng(4242);
    auto makeRequest = [&](std::size_t kind) {
        fv1::SearchRequest r;
        r.mutable_pagination()->set_page_size(50);
        auto states = [&] {
            for (int s : stateSets[rng() % stateSets.size()])
                r.add_states(static_cast<fv1::FeatureState>(s));
        };
        const auto& repo = repositories[rng() % repositories.size()];
        switch (kind) {
        case 0:
            r.set_query(vocabulary.pick(rng));
            break;
        case 1:
            r.set_query(vocabulary.pick(rng));
            states();
            break;
        case 2:
            states();
            break;
        case 3:
            r.set_repository_id(repo);
            break;
        case 4:
            r.set_repository_id(repo);
            states();
            break;
        case 5:
            r.set_query(vocabulary.pick(rng));
            r.set_repository_id(repo);
            break;
        case 6:
            r.set_query(vocabulary.pick(rng) + " " + vocabulary.pick(rng));
            break;
        default:
            break;
        }
        return r;
    };

    struct KindStats
    {
        LatencySummary latency;
        double totalCount = 0;
        int calls = 0;
    };
    std::map<std::size_t, KindStats> perKind;
    LatencySummary overall;
    std::string failure;
    auto search = [&](const fv1::SearchRequest& request, std::size_t kind, bool counted) {
        auto ctx = client.context(60000);
        const auto startedAt = Clock::now();
        auto reader = stub->Search(ctx.get(), request);
        fv1::SearchResponse response;
        int items = 0;
        while (reader->Read(&response))
            ++items;
        const auto status = reader->Finish();
        const double ms = msSince(startedAt);
        if (!status.ok()) {
            if (failure.empty())
                failure = "Search (" + kinds[kind] + "): " + BenchClient::describe(status);
            return;
        }
        if (!counted)
            return;
        overall.add(ms);
        auto& stats = perKind[kind];
        stats.latency.add(ms);
        stats.calls++;
        const auto total = testing::GrpcTestClient::metadata(*ctx, "x-total-count");
        stats.totalCount += total.empty() ? items : std::stod(total);
    };
    for (std::size_t kind = 0; kind < kinds.size(); ++kind)
        search(makeRequest(kind), kind, false); // warm-up: statement cache, page cache
    for (int i = 0; i < m_options.searchCalls && failure.empty(); ++i) {
        const auto kind = static_cast<std::size_t>(i) % kinds.size();
        search(makeRequest(kind), kind, true);
    }
    if (!failure.empty()) {
        m_report.fail(failure);
        return;
    }
    for (const auto& [kind, stats] : perKind) {
        const double avgMatches = stats.calls ? stats.totalCount / stats.calls : 0;
        char line[200];
        std::snprintf(line, sizeof line,
                      "%-17s n=%-3d p50=%7.2f p95=%7.2f max=%7.2f ms  avg matches %8.0f (%5.2f%%)",
                      kinds[kind].c_str(), stats.calls, stats.latency.percentile(50),
                      stats.latency.percentile(95), stats.latency.max(), avgMatches,
                      100.0 * avgMatches / executions);
        m_report.info(line);
    }
    m_report.info("all kinds: " + overall.describe() + " (time to the end of the stream)");
    BenchReport::Figure p50;
    p50.name = "search_p50_ms";
    p50.value = overall.percentile(50);
    p50.decimals = 2;
    m_report.add(p50);
    BenchReport::Figure p95 = p50;
    p95.name = "search_p95_ms";
    p95.value = overall.percentile(95);
    p95.goal = BenchReport::Goal::AtMost;
    p95.target = 50;
    m_report.add(p95);
    server->stop();
}

} // namespace builder::bench
