// RateLimiter and RateLimitTable: fixed windows driven by an injected clock.
#include "security/RateLimitTable.h"
#include "security/RateLimiter.h"

#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using builder::security::RateLimiter;
using builder::security::RateLimitTable;
using namespace std::chrono_literals;

namespace {

// A minute boundary, so window arithmetic in the expectations stays readable.
constexpr std::int64_t kWindowStart = 1'700'000'040;
static_assert(kWindowStart % 60 == 0);
const std::chrono::system_clock::time_point kStart{std::chrono::seconds{kWindowStart}};

} // namespace

class TestRateLimiter : public QObject
{
    Q_OBJECT

private slots:
    void allowsLimitThenRefuses_data();
    void allowsLimitThenRefuses();
    void resetIsWindowEnd_data();
    void resetIsWindowEnd();
    void newWindowResets();
    void keysAreIndependent_data();
    void keysAreIndependent();
    void disabledAlwaysAllows();
    void zeroLimitRefuses();
    void staleWindowsArePurged();
    void concurrentChecksNeverOvershoot();
    void defaultTable_data();
    void defaultTable();
    void tableOverrides();
};

void TestRateLimiter::allowsLimitThenRefuses_data()
{
    QTest::addColumn<int>("limit");
    QTest::addRow("1") << 1;
    QTest::addRow("3") << 3;
    QTest::addRow("10") << 10;
    QTest::addRow("100") << 100;
}

void TestRateLimiter::allowsLimitThenRefuses()
{
    QFETCH(int, limit);

    RateLimiter limiter;
    const RateLimiter::Limit rule{limit, 60s};
    for (int i = 1; i <= limit; ++i) {
        const auto decision = limiter.check("alice", "Feature.Create", rule, kStart + 5s);
        QVERIFY(decision.allowed);
        QCOMPARE(decision.limit, limit);
        QCOMPARE(decision.remaining, limit - i);
    }
    for (int i = 0; i < 3; ++i) {
        const auto decision = limiter.check("alice", "Feature.Create", rule, kStart + 59s);
        QVERIFY(!decision.allowed);
        QCOMPARE(decision.remaining, 0);
        QCOMPARE(decision.limit, limit);
    }
}

void TestRateLimiter::resetIsWindowEnd_data()
{
    QTest::addColumn<int>("windowSeconds");
    QTest::addColumn<int>("offsetMs");
    QTest::addColumn<qint64>("reset");

    QTest::addRow("minute, at start") << 60 << 0 << qint64(kWindowStart + 60);
    QTest::addRow("minute, middle") << 60 << 30'500 << qint64(kWindowStart + 60);
    QTest::addRow("minute, last instant") << 60 << 59'999 << qint64(kWindowStart + 60);
    QTest::addRow("minute, next window") << 60 << 60'000 << qint64(kWindowStart + 120);
    QTest::addRow("10 s window") << 10 << 15'000 << qint64(kWindowStart + 20);
    QTest::addRow("1 s window") << 1 << 2'500 << qint64(kWindowStart + 3);
}

void TestRateLimiter::resetIsWindowEnd()
{
    QFETCH(int, windowSeconds);
    QFETCH(int, offsetMs);
    QFETCH(qint64, reset);

    RateLimiter limiter;
    const auto decision = limiter.check("alice", "b", {5, std::chrono::seconds(windowSeconds)},
                                        kStart + std::chrono::milliseconds(offsetMs));
    QCOMPARE(decision.resetEpochSeconds, reset);
}

void TestRateLimiter::newWindowResets()
{
    RateLimiter limiter;
    const RateLimiter::Limit rule{2, 60s};
    QVERIFY(limiter.check("alice", "b", rule, kStart).allowed);
    QVERIFY(limiter.check("alice", "b", rule, kStart).allowed);
    const auto refused = limiter.check("alice", "b", rule, kStart + 59s);
    QVERIFY(!refused.allowed);

    const auto next = limiter.check(
        "alice", "b", rule,
        std::chrono::system_clock::time_point(std::chrono::seconds(refused.resetEpochSeconds)));
    QVERIFY(next.allowed);
    QCOMPARE(next.remaining, 1);
    QCOMPARE(next.resetEpochSeconds, refused.resetEpochSeconds + 60);
}

void TestRateLimiter::keysAreIndependent_data()
{
    QTest::addColumn<QString>("principal");
    QTest::addColumn<QString>("bucket");

    QTest::addRow("other principal") << "bob"
                                     << "Feature.Create";
    QTest::addRow("other bucket") << "alice"
                                  << "Feature.Get";
    QTest::addRow("both differ") << "bob"
                                 << "Feature.Get";
    // Concatenation alone would make these collide with ("alice", "Feature.Create").
    QTest::addRow("shifted boundary") << "aliceFeature."
                                      << "Create";
    QTest::addRow("empty principal") << ""
                                     << "aliceFeature.Create";
}

void TestRateLimiter::keysAreIndependent()
{
    QFETCH(QString, principal);
    QFETCH(QString, bucket);

    RateLimiter limiter;
    const RateLimiter::Limit rule{1, 60s};
    QVERIFY(limiter.check("alice", "Feature.Create", rule, kStart).allowed);
    QVERIFY(!limiter.check("alice", "Feature.Create", rule, kStart).allowed);

    const auto other = limiter.check(principal.toStdString(), bucket.toStdString(), rule, kStart);
    QVERIFY(other.allowed);
    QCOMPARE(other.remaining, 0);
}

void TestRateLimiter::disabledAlwaysAllows()
{
    RateLimiter limiter;
    limiter.setEnabled(false);
    QVERIFY(!limiter.isEnabled());
    for (int i = 0; i < 1000; ++i) {
        const auto decision = limiter.check("alice", "b", {2, 60s}, kStart);
        QVERIFY(decision.allowed);
        QCOMPARE(decision.limit, 2);
        QCOMPARE(decision.remaining, 2);
        QCOMPARE(decision.resetEpochSeconds, kWindowStart + 60);
    }
    QCOMPARE(limiter.trackedCount(), std::size_t(0));

    // Requests while disabled were not counted.
    limiter.setEnabled(true);
    QCOMPARE(limiter.check("alice", "b", {2, 60s}, kStart).remaining, 1);
}

void TestRateLimiter::zeroLimitRefuses()
{
    RateLimiter limiter;
    const auto decision = limiter.check("alice", "b", {0, 60s}, kStart);
    QVERIFY(!decision.allowed);
    QCOMPARE(decision.limit, 0);
    QCOMPARE(decision.remaining, 0);
}

void TestRateLimiter::staleWindowsArePurged()
{
    RateLimiter limiter;
    for (int i = 0; i < 500; ++i)
        limiter.check("user-" + std::to_string(i), "b", {10, 60s}, kStart);
    QCOMPARE(limiter.trackedCount(), std::size_t(500));

    // Once the windows have ended and a purge interval has passed, one request
    // leaves only its own counter.
    limiter.check("late", "b", {10, 60s}, kStart + 60s + RateLimiter::kPurgeInterval);
    QCOMPARE(limiter.trackedCount(), std::size_t(1));
}

void TestRateLimiter::concurrentChecksNeverOvershoot()
{
    RateLimiter limiter;
    const RateLimiter::Limit rule{2500, 60s};
    std::atomic<int> allowed{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 1000; ++i) {
                if (limiter.check("alice", "b", rule, kStart).allowed)
                    ++allowed;
            }
        });
    }
    for (auto& thread : threads)
        thread.join();
    QCOMPARE(allowed.load(), 2500);
}

void TestRateLimiter::defaultTable_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("bucket");
    QTest::addColumn<int>("requests");

    QTest::addRow("Feature.Create") << "feature.feature.v1.FeatureService/Create"
                                    << "Feature.Create" << 10;
    QTest::addRow("Feature.Get") << "feature.feature.v1.FeatureService/Get"
                                 << "Feature.Get" << 100;
    QTest::addRow("Feature.Search") << "feature.feature.v1.FeatureService/Search"
                                    << "Feature.Search" << 20;
    QTest::addRow("Feature.ListEvents") << "feature.feature.v1.FeatureService/ListEvents"
                                        << "Feature.ListEvents" << 100;
    QTest::addRow("Feature.GetByCorrelation")
        << "feature.feature.v1.FeatureService/GetByCorrelation"
        << "Feature.GetByCorrelation" << 100;
    QTest::addRow("Feature.Cancel") << "feature.feature.v1.FeatureService/Cancel"
                                    << "Feature.Cancel" << 100;
    QTest::addRow("Repository.Register") << "feature.repository.v1.RepositoryService/Register"
                                         << "Repository.Register" << 10;
    QTest::addRow("Repository.Get") << "feature.repository.v1.RepositoryService/Get"
                                    << "Repository.*" << 100;
    QTest::addRow("Repository.Delete") << "feature.repository.v1.RepositoryService/Delete"
                                       << "Repository.*" << 100;
    QTest::addRow("Review.Approve") << "feature.review.v1.ReviewService/Approve"
                                    << "Review.Approve" << 100;
    QTest::addRow("Admin.SetKillSwitch") << "feature.admin.v1.AdminService/SetKillSwitch"
                                         << "Admin.SetKillSwitch" << 100;
    QTest::addRow("gRPC leading slash") << "/feature.feature.v1.FeatureService/Create"
                                        << "Feature.Create" << 10;
}

void TestRateLimiter::defaultTable()
{
    QFETCH(QString, method);
    QFETCH(QString, bucket);
    QFETCH(int, requests);

    const RateLimitTable table;
    const auto entry = table.lookup(method.toStdString());
    QCOMPARE(QString::fromStdString(entry.bucket), bucket);
    QCOMPARE(entry.limit.requests, requests);
    QCOMPARE(entry.limit.window, std::chrono::seconds(60));
}

void TestRateLimiter::tableOverrides()
{
    RateLimitTable table;
    table.setLimit("Feature.Create", {3, 10s});
    QCOMPARE(table.lookup("feature.feature.v1.FeatureService/Create").limit,
             (RateLimiter::Limit{3, 10s}));

    table.setLimit("feature.feature.v1.FeatureService/Search", {7, 60s});
    QCOMPARE(table.lookup("feature.feature.v1.FeatureService/Search").limit.requests, 7);

    table.setLimit("Repository.*", {50, 60s});
    QCOMPARE(table.lookup("feature.repository.v1.RepositoryService/Get").limit.requests, 50);

    // A repository method with its own limit leaves the shared bucket.
    table.setLimit("feature.repository.v1.RepositoryService/Delete", {5, 60s});
    const auto deleted = table.lookup("feature.repository.v1.RepositoryService/Delete");
    QCOMPARE(deleted.bucket, std::string("Repository.Delete"));
    QCOMPARE(deleted.limit.requests, 5);
    QCOMPARE(table.lookup("feature.repository.v1.RepositoryService/List").bucket,
             std::string("Repository.*"));

    table.setDefaultLimit({30, 60s});
    QCOMPARE(table.lookup("feature.admin.v1.AdminService/ListAudit").limit.requests, 30);
    QCOMPARE(table.lookup("feature.feature.v1.FeatureService/Get").limit.requests, 100);
}

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "test_rate_limiter.moc"
