// Containment tests, processes: canary environment variable and descriptor do
// not reach the sandbox; a fork bomb and a memory bomb stay inside (with the
// cgroup and with rlimits only); a setsid + double-fork + SIGTERM-ignoring
// daemon is gone within a second of the timeout; cancel kills the tree within
// two seconds; output beyond the cap is cut and flagged.
#include "SandboxHarness.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTest>

#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <thread>
#include <unistd.h>

using builder::common::CancelToken;
using builder::common::StatusCode;
using builder::executor::ExecutorConfig;
using builder::executor::ResourceLimits;
using builder::tests::SandboxHarness;

namespace {

// Waits (bounded) until no process carries the marker; returns what is left.
int leftAfter(const std::string& marker, int boundMs)
{
    QElapsedTimer timer;
    timer.start();
    int left = SandboxHarness::countProcesses(marker);
    while (left > 0 && timer.elapsed() < boundMs) {
        QTest::qWait(20);
        left = SandboxHarness::countProcesses(marker);
    }
    return left;
}

std::string marker(const char* what)
{
    return std::string("builder-marker-") + what + "-" + std::to_string(getpid());
}

} // namespace

class TestSandboxProcess : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void canaryEnvironmentIsAbsent();
    void canaryDescriptorIsAbsent();
    void forkBombIsContained_data();
    void forkBombIsContained();
    void memoryBombIsKilledInside_data();
    void memoryBombIsKilledInside();
    void daemonDiesWithTheTimeout();
    void daemonDiesWithItsParent();
    void cancelKillsTheTreeWithinTwoSeconds();
    void outputBeyondTheCapIsCut();

private:
    std::unique_ptr<SandboxHarness> m_harness;
};

void TestSandboxProcess::initTestCase()
{
    m_harness = std::make_unique<SandboxHarness>();
    QVERIFY2(m_harness->ready(), m_harness->setupError().c_str());
}

void TestSandboxProcess::canaryEnvironmentIsAbsent()
{
    qputenv("BUILDER_CANARY_SECRET", "s3cr3t-canary-value");
    qputenv("ANTHROPIC_API_KEY", "sk-canary");
    auto run = m_harness->probe({"env"});
    qunsetenv("BUILDER_CANARY_SECRET");
    qunsetenv("ANTHROPIC_API_KEY");
    QVERIFY2(run.ok, run.error.c_str());
    QVERIFY(run.output.find("s3cr3t-canary-value") == std::string::npos);
    QVERIFY(run.output.find("sk-canary") == std::string::npos);
    QVERIFY(run.output.find("env HOME=/home/builder") != std::string::npos);
    QVERIFY(run.output.find("env TMPDIR=/tmp") != std::string::npos);
    // Exactly the documented minimal environment, nothing inherited.
    for (const auto& line : QString::fromStdString(run.output).split('\n', Qt::SkipEmptyParts)) {
        const QString name = line.mid(4).section('=', 0, 0);
        QVERIFY2(QStringList({"PATH", "HOME", "USER", "LOGNAME", "SHELL", "LANG", "TMPDIR", "TERM",
                              "CI", "BUILDER_SANDBOX", "BUILDER_WORKSPACE", "GIT_CONFIG_NOSYSTEM",
                              "GIT_TERMINAL_PROMPT", "GIT_CONFIG_COUNT", "GIT_CONFIG_KEY_0",
                              "GIT_CONFIG_VALUE_0", "PWD"})
                     .contains(name),
                 qPrintable("unexpected variable " + name));
    }
}

void TestSandboxProcess::canaryDescriptorIsAbsent()
{
    // Inheritable descriptors (no O_CLOEXEC), as a careless library would leave.
    const int file = open(SandboxHarness::probePath().c_str(), O_RDONLY);
    int pipeFds[2];
    QCOMPARE(pipe(pipeFds), 0);
    const int high = dup2(file, 200);
    auto run = m_harness->probe({"fds"});
    close(file);
    close(pipeFds[0]);
    close(pipeFds[1]);
    close(high);
    QVERIFY2(run.ok, run.error.c_str());
    QCOMPARE(run.output, std::string("fd 0\nfd 1\nfd 2\n"));
}

void TestSandboxProcess::forkBombIsContained_data()
{
    QTest::addColumn<QString>("cgroups");
    QTest::addRow("cgroups") << "auto";
    QTest::addRow("rlimits only") << "off";
}

void TestSandboxProcess::forkBombIsContained()
{
    QFETCH(QString, cgroups);
    ExecutorConfig config;
    config.cgroups = cgroups.toStdString();
    SandboxHarness harness(config);
    QVERIFY2(harness.ready(), harness.setupError().c_str());
    if (cgroups == "auto" && !harness.sandbox().cgroups().usable)
        QSKIP("no writable cgroups on this machine (the rlimits row still runs)");
    // A copy of the probe under a name of its own: every bomb process, zombies
    // included, carries it as its command name, whatever else runs meanwhile.
    const std::string name = "fb" + std::to_string(getpid()) + cgroups.left(1).toStdString();
    std::filesystem::copy_file(harness.workspace() / "sandbox_probe", harness.workspace() / name);
    ResourceLimits limits;
    limits.maxProcesses = 64;
    int peak = 0;
    std::atomic<bool> running{true};
    std::thread sampler([&] {
        while (running) {
            peak = std::max(peak, SandboxHarness::countByComm(name));
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    });
    auto run = harness.run({"/workspace/" + name, "forkbomb"}, std::chrono::seconds(3), limits,
                           false, CancelToken());
    running = false;
    sampler.join();
    QVERIFY2(run.ok, run.error.c_str());
    QVERIFY(run.result.timedOut);
    QVERIFY2(peak <= 64, qPrintable(QString("peak %1 bomb processes").arg(peak)));
    QVERIFY(peak > 1); // it did fork
    // The host's process table is back as it was: not one bomb process, not
    // even a zombie, once run() returned.
    QCOMPARE(SandboxHarness::countByComm(name), 0);
}

void TestSandboxProcess::memoryBombIsKilledInside_data()
{
    QTest::addColumn<QString>("cgroups");
    QTest::addRow("cgroups") << "auto";
    QTest::addRow("rlimits only") << "off";
}

void TestSandboxProcess::memoryBombIsKilledInside()
{
    QFETCH(QString, cgroups);
    ExecutorConfig config;
    config.cgroups = cgroups.toStdString();
    SandboxHarness harness(config);
    QVERIFY2(harness.ready(), harness.setupError().c_str());
    if (cgroups == "auto" && !harness.sandbox().cgroups().usable)
        QSKIP("no writable cgroups on this machine (the rlimits row still runs)");
    // A host process next to the sandbox, to show the OOM killer chose inside.
    const std::string bystander = marker("bystander");
    QProcess neighbour;
    neighbour.start(QString::fromStdString(SandboxHarness::probePath()),
                    {"sleeper", QString::fromStdString(bystander)});
    QVERIFY(neighbour.waitForStarted());
    ResourceLimits limits;
    limits.memoryBytes = 128ull * 1024 * 1024;
    auto run = harness.probe({"membomb"}, std::chrono::seconds(30), limits);
    QVERIFY2(run.ok, run.error.c_str());
    QVERIFY(!run.result.timedOut);
    if (cgroups == "auto") {
        QVERIFY2(run.result.oomKilled, run.output.c_str());
        QCOMPARE(run.result.signal, SIGKILL);
        QVERIFY(run.result.peakMemoryBytes.has_value());
        QVERIFY(*run.result.peakMemoryBytes <= limits.memoryBytes + 4096);
    } else {
        QVERIFY2(run.output.find("malloc failed") != std::string::npos, run.output.c_str());
        QCOMPARE(run.result.exitCode, 3);
    }
    QCOMPARE(neighbour.state(), QProcess::Running); // the host side lives on
    QCOMPARE(SandboxHarness::countProcesses(bystander), 1);
    neighbour.kill();
    neighbour.waitForFinished();
}

void TestSandboxProcess::daemonDiesWithTheTimeout()
{
    const std::string tag = marker("daemon-timeout");
    QElapsedTimer timer;
    timer.start();
    auto run = m_harness->probe({"daemon", tag, "stay"}, std::chrono::milliseconds(3000));
    QVERIFY2(run.ok, run.error.c_str());
    QVERIFY(run.result.timedOut);
    QVERIFY(run.output.find("daemon started") != std::string::npos);
    // Zero processes one second after the timeout.
    QCOMPARE(leftAfter(tag, 1000), 0);
    QVERIFY(timer.elapsed() < 3000 + 1000 + 1000);
}

void TestSandboxProcess::daemonDiesWithItsParent()
{
    // The command exits at once, leaving a setsid'd grandchild that ignores
    // SIGTERM: the sandbox's init takes it down with the namespace.
    const std::string tag = marker("daemon-exit");
    auto run = m_harness->probe({"daemon", tag, "exit"}, std::chrono::seconds(20));
    QVERIFY2(run.ok, run.error.c_str());
    QVERIFY(!run.result.timedOut);
    QCOMPARE(run.result.exitCode, 0);
    QCOMPARE(leftAfter(tag, 1000), 0);
}

void TestSandboxProcess::cancelKillsTheTreeWithinTwoSeconds()
{
    const std::string tag = marker("daemon-cancel");
    CancelToken cancel;
    QElapsedTimer cancelledAt;
    std::thread canceller([&] {
        // Cancel once the daemon is up (bounded wait).
        for (int i = 0; i < 500 && SandboxHarness::countProcesses(tag) < 2; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        cancelledAt.start();
        cancel.cancel();
    });
    auto run =
        m_harness->probe({"daemon", tag, "stay"}, std::chrono::seconds(30), {}, false, cancel);
    const qint64 took = cancelledAt.elapsed();
    canceller.join();
    QVERIFY(!run.ok);
    QVERIFY2(took < 2000, qPrintable(QString("cancel took %1 ms").arg(took)));
    QCOMPARE(leftAfter(tag, 0), 0); // gone by the time run() returned
}

void TestSandboxProcess::outputBeyondTheCapIsCut()
{
    builder::executor::SandboxSpec spec;
    spec.argv = {"/workspace/sandbox_probe", "spew", std::to_string(3 * 1024 * 1024)};
    spec.workspace = m_harness->workspace();
    spec.outputCapBytes = 1024 * 1024;
    std::uint64_t streamed = 0;
    std::string notes;
    auto result = m_harness->sandbox().run(
        spec,
        [&](const builder::executor::OutputChunk& chunk) {
            if (chunk.stream == "system")
                notes += chunk.text;
            else
                streamed += chunk.text.size();
        },
        CancelToken());
    QVERIFY2(result.ok(), result.ok() ? "" : result.error().message().c_str());
    QVERIFY(result->truncated);
    QCOMPARE(streamed, std::uint64_t(1024 * 1024));
    QCOMPARE(result->outputBytes, std::uint64_t(3 * 1024 * 1024));
    QCOMPARE(result->exitCode, 0); // drained to the end, not killed
    QVERIFY(notes.find("output truncated") != std::string::npos);
}

QTEST_GUILESS_MAIN(TestSandboxProcess)
#include "test_sandbox_process.moc"
