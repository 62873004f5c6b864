// MAX_CONCURRENT_EXECUTIONS: with a limit of 5, the sixth verification waits
// in line (it is told so) until one of the five finishes; a waiting or running
// verification that is cancelled returns Cancelled at once. The sandbox is a
// scripted stand-in that holds each run until the test releases it.
#include "executor/Verifier.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <condition_variable>
#include <thread>

using builder::common::CancelToken;
using builder::common::Error;
using builder::common::Result;
using builder::common::StatusCode;
using namespace builder::executor;

namespace {

class HeldSandbox : public Sandbox
{
public:
    Result<RunResult> run(const SandboxSpec& spec, const OutputSink& sink,
                          const CancelToken& cancel) override
    {
        auto wake = cancel.onCancel([this] {
            std::lock_guard<std::mutex> guard(m_mutex);
            m_changed.notify_all();
        });
        std::unique_lock<std::mutex> lock(m_mutex);
        ++m_inside;
        m_peak = std::max(m_peak, m_inside);
        m_changed.notify_all();
        m_changed.wait(lock, [&] { return m_releases > 0 || cancel.cancelled() || m_releaseAll; });
        --m_inside;
        const bool cancelled = m_releases == 0 && !m_releaseAll;
        if (!cancelled && !m_releaseAll)
            --m_releases;
        m_changed.notify_all();
        lock.unlock();
        if (cancelled)
            return Error(StatusCode::Cancelled, "cancelled");
        RunResult result;
        result.exitCode = 0;
        return result;
    }
    std::string describe(bool) const override { return "held"; }
    std::string workspaceInside(const SandboxSpec& spec) const override { return "/workspace"; }

    void release()
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        ++m_releases;
        m_changed.notify_all();
    }
    void releaseAll()
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_releaseAll = true;
        m_changed.notify_all();
    }
    bool waitInside(int count)
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        return m_changed.wait_for(lock, std::chrono::seconds(10),
                                  [&] { return m_inside == count; });
    }
    int peak()
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_peak;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    int m_inside = 0;
    int m_peak = 0;
    int m_releases = 0;
    bool m_releaseAll = false;
};

VerifyRequest request(const QTemporaryDir& workspace, const QTemporaryDir& artifacts, int index)
{
    VerifyRequest r;
    r.workspace = workspace.filePath(QString("ws%1").arg(index)).toStdString();
    std::filesystem::create_directories(r.workspace);
    r.artifactsDir = artifacts.filePath(QString("a%1").arg(index)).toStdString();
    r.properties = {{"test_command", "true"}};
    r.requireTests = false;
    return r;
}

} // namespace

class TestConcurrency : public QObject
{
    Q_OBJECT

private slots:
    void sixthWaitsForAFreeSlot();
    void cancelWhileWaiting();
    void cancelWhileRunning();
};

void TestConcurrency::sixthWaitsForAFreeSlot()
{
    auto sandbox = std::make_shared<HeldSandbox>();
    ExecutorConfig config;
    config.maxConcurrent = 5;
    Verifier verifier(config, sandbox);
    QTemporaryDir workspaces, artifacts;
    std::vector<std::thread> threads;
    std::vector<bool> ok(6, false);
    std::atomic<int> toldToWait{-1};
    for (int i = 0; i < 5; ++i)
        threads.emplace_back([&, i] {
            ok[i] = verifier.verify(request(workspaces, artifacts, i), {}, CancelToken()).ok();
        });
    QVERIFY(sandbox->waitInside(5));
    threads.emplace_back([&] {
        const OutputSink sink = [&](const OutputChunk& chunk) {
            if (chunk.text.find("waiting for a sandbox") != std::string::npos)
                toldToWait = 5;
        };
        ok[5] = verifier.verify(request(workspaces, artifacts, 5), sink, CancelToken()).ok();
    });
    QTRY_COMPARE_WITH_TIMEOUT(verifier.limiter().waiting(), 1, 10000);
    QCOMPARE(toldToWait.load(), 5);
    QCOMPARE(verifier.limiter().running(), 5);
    sandbox->release(); // one finishes: the sixth gets its place
    QTRY_COMPARE_WITH_TIMEOUT(verifier.limiter().waiting(), 0, 10000);
    QVERIFY(sandbox->waitInside(5));
    sandbox->releaseAll();
    for (auto& thread : threads)
        thread.join();
    QCOMPARE(sandbox->peak(), 5);
    for (bool each : ok)
        QVERIFY(each);
}

void TestConcurrency::cancelWhileWaiting()
{
    auto sandbox = std::make_shared<HeldSandbox>();
    ExecutorConfig config;
    config.maxConcurrent = 1;
    Verifier verifier(config, sandbox);
    QTemporaryDir workspaces, artifacts;
    std::thread first(
        [&] { (void)verifier.verify(request(workspaces, artifacts, 0), {}, CancelToken()); });
    QVERIFY(sandbox->waitInside(1));
    CancelToken cancel;
    Result<VerifyReport> second = Error(StatusCode::Unknown, "not run");
    std::thread waiter(
        [&] { second = verifier.verify(request(workspaces, artifacts, 1), {}, cancel); });
    QTRY_COMPARE_WITH_TIMEOUT(verifier.limiter().waiting(), 1, 10000);
    QElapsedTimer timer;
    timer.start();
    cancel.cancel();
    waiter.join();
    QVERIFY(timer.elapsed() < 2000);
    QCOMPARE(second.error().code(), StatusCode::Cancelled);
    QCOMPARE(verifier.limiter().waiting(), 0);
    sandbox->releaseAll();
    first.join();
}

void TestConcurrency::cancelWhileRunning()
{
    auto sandbox = std::make_shared<HeldSandbox>();
    Verifier verifier(ExecutorConfig{}, sandbox);
    QTemporaryDir workspaces, artifacts;
    CancelToken cancel;
    Result<VerifyReport> result = Error(StatusCode::Unknown, "not run");
    std::thread runner(
        [&] { result = verifier.verify(request(workspaces, artifacts, 0), {}, cancel); });
    QVERIFY(sandbox->waitInside(1));
    QElapsedTimer timer;
    timer.start();
    cancel.cancel();
    runner.join();
    QVERIFY(timer.elapsed() < 2000);
    QCOMPARE(result.error().code(), StatusCode::Cancelled);
    QCOMPARE(verifier.limiter().running(), 0);
}

QTEST_GUILESS_MAIN(TestConcurrency)
#include "test_concurrency.moc"
