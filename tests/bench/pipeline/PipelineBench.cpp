#include "PipelineBench.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <unistd.h>

namespace builder::bench {

namespace fv1 = feature::feature::v1;

namespace {

constexpr int kRunTimeoutMs = 600000; // a guard; under valgrind a run takes minutes
constexpr double kColdTargetMs = 1500;
constexpr double kWarmTargetMs = 500;
constexpr double kWorktreeTargetRatio = 1.5;
constexpr qsizetype kQtWriteChunk = 16 * 1024; // QHttpProtocolHandler's socket write size

double systemMs()
{
    using namespace std::chrono;
    return static_cast<double>(
               duration_cast<microseconds>(system_clock::now().time_since_epoch()).count()) /
           1000.0;
}

// When the mirror's last fetch or clone finished: MirrorCache rewrites this
// marker right after every successful transfer.
std::optional<double> mirrorDoneMs(const QString& dataDir, const std::string& repositoryId)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path marker =
        fs::path(dataDir.toStdString()) / "mirrors" / (repositoryId + ".git") / "builder-fetched";
    const auto stamp = fs::last_write_time(marker, ec);
    if (ec)
        return std::nullopt;
    using namespace std::chrono;
    const auto since = duration_cast<microseconds>(file_clock::to_sys(stamp).time_since_epoch());
    return static_cast<double>(since.count()) / 1000.0;
}

const char* verdict(bool met)
{
    return met ? "met" : "NOT met";
}

} // namespace

PipelineBench::PipelineBench(PipelineBenchOptions options, QString dir)
    : m_options(std::move(options)), m_dir(std::move(dir))
{}

PipelineBench::~PipelineBench()
{
    m_llm.stop();
}

bool PipelineBench::prepare()
{
    m_remote = m_dir + "/remote.git";
    QString error;
    if (!SyntheticRepo::generate(m_dir + "/source", m_remote, m_options.files, 20240611, m_repo,
                                 &error)) {
        std::fprintf(stderr, "cannot generate the repository: %s\n", qPrintable(error));
        return false;
    }
    std::printf("repository: %d files, %.1f MB, %d folders up to %d deep, %s; generated in "
                "%.1f s\n",
                m_repo.files, static_cast<double>(m_repo.bytes) / 1e6, m_repo.folders,
                m_repo.maxDepth, qPrintable(m_repo.languages.join(", ")), m_repo.seconds);
    QStringList targets;
    for (const auto& t : m_repo.targets)
        targets << t.path;
    std::printf("feature: 3 steps, one edit each in %s\n", qPrintable(targets.join(", ")));
    m_model = std::make_unique<BenchModel>(m_repo.targets);
    m_llm.setResponder([this](const fakes::FakeRequest& r) { return m_model->answer(r); });
    if (!m_llm.start(QHostAddress::LocalHost, 0, &error)) {
        std::fprintf(stderr, "fake LLM: %s\n", qPrintable(error));
        return false;
    }
    m_baseline = std::make_unique<GitCliBaseline>(m_remote, m_dir + "/git-cli", m_repo.targets);
    if (!m_baseline->prepare(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return false;
    }
    return true;
}

bool PipelineBench::startDaemon(const QString& dataDir, Daemon& daemon)
{
    testing::BuilderdProcess::Options options;
    options.pipeline = true;
    options.dataDir = dataDir;
    options.startTimeoutMs = 120000; // a guard: builderd under valgrind starts slowly
    options.extraArgs = {"--rate-limits", "off"};
    options.environment = {"ANTHROPIC_API_KEY=test-key",
                           "ANTHROPIC_BASE_URL=" + QString::fromStdString(m_llm.baseUrl()),
                           "BUILDER_LLM_PROVIDERS=anthropic"};
    daemon.dataDir = dataDir;
    daemon.process = std::make_unique<testing::BuilderdProcess>(options);
    if (!daemon.process->start()) {
        std::fprintf(stderr, "builderd: %s\n", qPrintable(daemon.process->errorString()));
        return false;
    }
    daemon.client = std::make_unique<testing::FeatureClient>(daemon.process->grpcAddress(),
                                                             daemon.process->adminToken());
    auto status = daemon.client->registerRepository(
        "generated", m_remote.toStdString(), {{"require_approval", "false"}}, &daemon.repositoryId);
    if (!status.ok()) {
        std::fprintf(stderr, "register: %s\n", status.error_message().c_str());
        return false;
    }
    return true;
}

std::optional<PipelineBench::RunResult> PipelineBench::execute(Daemon& daemon, int run)
{
    // Write-back of the previous run's files must not land in this one.
    ::sync();
    auto& client = *daemon.client;
    fv1::CreateRequest request;
    auto* spec = request.mutable_spec();
    spec->set_title(BenchModel::title(run).toStdString());
    spec->set_description(BenchModel::description().toStdString());
    spec->set_repository_id(daemon.repositoryId);
    auto* c = spec->mutable_constraints();
    c->set_max_steps(5);
    c->set_timeout_minutes(10);
    c->set_require_tests(false);
    c->set_require_build(false);

    const double createdAt = systemMs();
    fv1::CreateResponse created;
    auto status = client.features().Create(client.ctx().get(), request, &created);
    if (!status.ok()) {
        std::fprintf(stderr, "Create: %s\n", status.error_message().c_str());
        return std::nullopt;
    }
    const auto id = created.execution().id();
    std::vector<fv1::FeatureEvent> events;
    double doneAt = 0;
    QElapsedTimer waited;
    waited.start();
    while (doneAt == 0 && waited.elapsed() < kRunTimeoutMs) {
        auto context = client.ctx(static_cast<int>(kRunTimeoutMs - waited.elapsed()));
        fv1::ListEventsRequest list;
        list.set_feature_execution_id(id);
        list.set_after_sequence(events.empty() ? 0 : events.back().sequence_number());
        auto reader = client.features().ListEvents(context.get(), list);
        fv1::ListEventsResponse message;
        while (reader->Read(&message)) {
            events.push_back(message.event());
            const auto& type = message.event().type();
            if (type == "feature.completed" || type == "feature.failed" ||
                type == "feature.cancelled") {
                doneAt = systemMs();
                break;
            }
        }
        context->TryCancel();
        const auto finished = reader->Finish();
        if (doneAt == 0) {
            // The stream ended early: note why, and go on after the last event seen.
            ++m_streamRestarts;
            m_streamErrors.push_back(std::to_string(finished.error_code()) + " " +
                                     finished.error_message());
        }
    }
    const auto final = client.waitForState(id, testing::FeatureClient::terminal(), 5000);
    // Lets the builderd process object read what builderd printed, so its pipe never fills.
    QCoreApplication::processEvents();
    daemon.process->output();
    if (final.state() != fv1::FEATURE_STATE_COMPLETED || doneAt == 0) {
        std::fprintf(stderr, "run %d ended %s: %s\n", run,
                     fv1::FeatureState_Name(final.state()).c_str(),
                     final.error().message().c_str());
        printEvents(events, createdAt);
        return std::nullopt;
    }
    if (m_options.verbose) {
        std::printf("  run %d (%s), %zu events:\n", run, id.c_str(), events.size());
        printEvents(events, createdAt);
    }
    RunResult result;
    result.totalMs = doneAt - createdAt;
    result.phases = RunTimeline::phases(events, createdAt, doneAt,
                                        mirrorDoneMs(daemon.dataDir, daemon.repositoryId));
    return result;
}

void PipelineBench::printEvents(const std::vector<fv1::FeatureEvent>& events,
                                double createdAtMs) const
{
    for (const auto& e : events)
        std::printf("    %+8.1f ms  %-24s %s\n", RunTimeline::millis(e) - createdAtMs,
                    e.type().c_str(), e.summary().substr(0, 90).c_str());
}

bool PipelineBench::run()
{
    auto record = [this](std::map<std::string, Samples>& into, const RunResult& r) {
        for (const auto& p : r.phases) {
            if (std::find(m_phaseOrder.begin(), m_phaseOrder.end(), p.label) == m_phaseOrder.end())
                m_phaseOrder.push_back(p.label);
            if (p.ms >= 0)
                into[p.label].add(p.ms);
        }
    };
    auto pairWorktree = [this](const RunResult& r) {
        for (const auto& p : r.phases)
            if (p.label == "worktree creation" && p.ms >= 0 && m_baseline->lastWorktreeMs() > 0)
                m_worktreeRatios.add(p.ms / m_baseline->lastWorktreeMs());
    };
    QString error;
    Daemon daemon;
    for (int i = 0; i < m_options.coldRuns; ++i) {
        daemon = Daemon{};
        if (!startDaemon(m_dir + QString("/builderd-%1").arg(i), daemon))
            return false;
        auto r = execute(daemon, m_runs++);
        if (!r)
            return false;
        m_cold.add(r->totalMs);
        record(m_coldPhases, *r);
        std::printf("  cold run %d: %.1f ms\n", i + 1, r->totalMs);
        if (!m_baseline->runCold(i, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return false;
        }
        pairWorktree(*r);
        if (i + 1 < m_options.coldRuns)
            daemon.process->stop();
    }
    for (int i = 0; i < m_options.warmRuns; ++i) {
        auto r = execute(daemon, m_runs++);
        if (!r)
            return false;
        m_warm.add(r->totalMs);
        record(m_warmPhases, *r);
        if (m_options.verbose)
            std::printf("  warm run %d: %.1f ms\n", i + 1, r->totalMs);
        if (!m_baseline->runWarm(i, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return false;
        }
        pairWorktree(*r);
    }
    std::fflush(stdout);
    daemon.process->stop();
    return true;
}

void PipelineBench::report() const
{
    std::printf(
        "\nCreate -> COMPLETED, 3-step feature, fake LLM answering at once (client clock)\n");
    std::printf("  cold mirror  %s  target p50 <= %.0f ms: %s\n", m_cold.line().c_str(),
                kColdTargetMs, verdict(m_cold.p50() <= kColdTargetMs));
    std::printf("  warm mirror  %s  target p50 <= %.0f ms: %s\n", m_warm.line().c_str(),
                kWarmTargetMs, verdict(m_warm.p50() <= kWarmTargetMs));
    std::printf("git CLI, same repository, same run (clone --bare | fetch, worktree add, "
                "3 x commit -a, push)\n");
    std::printf("  cold (clone) %s\n", m_baseline->cold().line().c_str());
    std::printf("  warm (fetch) %s\n", m_baseline->warm().line().c_str());
    std::printf("  ratio pipeline / git CLI, p50: cold %.2f, warm %.2f\n",
                m_cold.p50() / m_baseline->cold().p50(), m_warm.p50() / m_baseline->warm().p50());
    for (const auto& [name, samples] : m_baseline->commands())
        std::printf("    git %-14s %s\n", name.c_str(), samples.line().c_str());

    std::printf("\nper stage, p50 ms (consecutive phases between milestone events; they add up to "
                "the total)\n");
    std::printf("  %-32s %10s %10s\n", "phase", "cold", "warm");
    auto p50 = [](const std::map<std::string, Samples>& m, const std::string& label) {
        auto it = m.find(label);
        return it == m.end() || it->second.empty() ? -1.0 : it->second.p50();
    };
    for (const auto& label : m_phaseOrder) {
        const double cold = p50(m_coldPhases, label);
        const double warm = p50(m_warmPhases, label);
        std::printf("  %-32s %10s %10s\n", label.c_str(),
                    cold < 0 ? "-" : QString::number(cold, 'f', 1).toUtf8().constData(),
                    warm < 0 ? "-" : QString::number(warm, 'f', 1).toUtf8().constData());
    }

    const auto& commands = m_baseline->commands();
    auto worktree = commands.find("worktree add");
    if (worktree != commands.end() && !m_worktreeRatios.empty()) {
        // Each pipeline run is paired with the git run right after it, so that a
        // disk that slows down for a while weighs on both sides of a ratio.
        const double pipeline = p50(m_warmPhases, "worktree creation");
        std::printf("\nworktree creation (pipeline phase: Workspace::create, exclude file, event) "
                    "vs git worktree add\n  pipeline warm p50 %.1f ms, git p50 %.1f ms; ratio "
                    "per run pair: p50 %.2f, p95 %.2f; target p50 <= %.1f: %s\n",
                    pipeline, worktree->second.p50(), m_worktreeRatios.p50(),
                    m_worktreeRatios.p95(), kWorktreeTargetRatio,
                    verdict(m_worktreeRatios.p50() <= kWorktreeTargetRatio));
    }
    std::printf("fake LLM requests: %d (%d without an answer)\n", m_model->requests(),
                m_model->unanswered());
    // Qt writes a request body in 16 KiB pieces without TCP_NODELAY: the last piece
    // waits for the server's delayed ACK (about 40 ms on Linux) before it is sent.
    std::map<std::string, std::pair<int, int>> large; // stage -> (over 16 KiB, all)
    for (const auto& r : m_llm.requests()) {
        auto& counts = large[r.stage];
        counts.second += 1;
        counts.first += r.body.size() > kQtWriteChunk ? 1 : 0;
    }
    std::printf("LLM request bodies over one 16 KiB socket write (Nagle + delayed ACK), by stage:");
    for (const auto& [stage, counts] : large)
        std::printf(" %s %d/%d", stage.c_str(), counts.first, counts.second);
    std::printf("\n");
    if (m_streamRestarts > 0) {
        std::printf("event streams that ended before the execution did: %d (", m_streamRestarts);
        for (std::size_t i = 0; i < m_streamErrors.size(); ++i)
            std::printf("%s\"%s\"", i ? ", " : "", m_streamErrors[i].c_str());
        std::printf(")\n");
    }
}

bool PipelineBench::subBenches() const
{
    const QString bin = qEnvironmentVariable("BUILDER_TEST_BINARY_DIR") + "/tests/bench";
    struct Sub
    {
        QString program;
        QStringList args;
    };
    const std::vector<Sub> subs = {
        {bin + "/git/bench_git_workspace", {"--files", QString::number(m_options.files)}},
        {bin + "/localize/bench_localize",
         {"--files", QString::number(m_options.localizeFiles), "--repo",
          m_dir + "/localize-repo"}}};
    bool ok = true;
    for (const auto& sub : subs) {
        std::printf("\n$ %s %s\n", qPrintable(QFileInfo(sub.program).fileName()),
                    qPrintable(sub.args.join(' ')));
        std::fflush(stdout);
        QProcess p;
        p.setProcessChannelMode(QProcess::ForwardedChannels);
        p.start(sub.program, sub.args);
        if (!p.waitForStarted(5000) || !p.waitForFinished(30 * 60 * 1000) || p.exitCode() != 0) {
            std::fprintf(stderr, "%s did not run to the end\n", qPrintable(sub.program));
            ok = false;
        }
    }
    return ok;
}

} // namespace builder::bench
