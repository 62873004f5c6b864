#include "StoreFixture.h"

#include "common/Uuid.h"
#include "queue/EmbeddedJobQueue.h"
#include "store/DeadLetterStore.h"
#include "store/Timestamps.h"

#include <QElapsedTimer>
#include <QTest>

#include <thread>

using namespace builder;
using queue::FailResult;
using queue::JobFailure;
using store::Connection;

namespace {
const std::vector<std::string> kKinds{"feature.execute"};
}

class TestJobQueue : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testing::StoreFixture> m_fixture;
    std::unique_ptr<queue::EmbeddedJobQueue> m_queue;
    std::string m_execution;

    queue::RetryPolicy fastPolicy()
    {
        queue::RetryPolicy policy;
        policy.delays = {std::chrono::milliseconds(30), std::chrono::milliseconds(60),
                         std::chrono::milliseconds(90)};
        policy.lease = std::chrono::milliseconds(200);
        return policy;
    }

    std::string enqueue()
    {
        store::JobRecord job{common::Uuid::generateV4(), "feature.execute", m_execution, "p", 0};
        auto written = m_fixture->db->write([&](Connection& c) -> common::Status {
            m_queue->enqueue(c, job);
            return {};
        });
        return written.ok() ? job.id : std::string();
    }

    std::optional<store::JobLease> lease(const std::string& owner)
    {
        auto leased = m_queue->lease(kKinds, owner);
        return leased.ok() ? leased.value() : std::nullopt;
    }

    // Leases, waiting (bounded) until the job becomes due.
    std::optional<store::JobLease> leaseWhenDue(const std::string& owner)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 5000) {
            if (auto l = lease(owner))
                return l;
            m_queue->waitForWork(kKinds, std::chrono::milliseconds(100));
        }
        return std::nullopt;
    }

    FailResult fail(const store::JobLease& l, bool retryable)
    {
        auto result = m_fixture->db->write([&](Connection& c) -> common::Result<FailResult> {
            return m_queue->fail(c, l,
                                 {retryable, "remote unreachable", "ERROR_CODE_REPOSITORY_ACCESS"});
        });
        return result.value();
    }

    std::string stateOf(const std::string& jobId)
    {
        auto state = m_fixture->db->read([&](Connection& c) -> common::Result<std::string> {
            return store::JobStore::stateOf(c, jobId).value_or("missing");
        });
        return state.value();
    }

private slots:
    void init()
    {
        m_fixture = std::make_unique<testing::StoreFixture>();
        QVERIFY2(m_fixture->ok(), m_fixture->error().c_str());
        m_queue = std::make_unique<queue::EmbeddedJobQueue>(m_fixture->db, fastPolicy());
        m_execution = m_fixture->addExecution(m_fixture->addRepository("r"), "Queue", "Jobs");
    }

    void leaseIsExclusiveAndRaisesTheAttempt()
    {
        const auto id = enqueue();
        auto first = lease("worker-a");
        QVERIFY(first.has_value());
        QCOMPARE(QString::fromStdString(first->job.id), QString::fromStdString(id));
        QCOMPARE(first->attempt, 1);
        QCOMPARE(QString::fromStdString(first->job.payload), QStringLiteral("p"));
        QVERIFY(!lease("worker-b").has_value());
    }

    void expiredLeaseIsTakenOverAndTheOldHolderIsFenced()
    {
        enqueue();
        auto first = lease("worker-a");
        QVERIFY(first.has_value());
        // worker-a stalls past its lease; worker-b takes the job over.
        auto second = leaseWhenDue("worker-b");
        QVERIFY(second.has_value());
        QCOMPARE(second->attempt, 2);
        auto holds = m_fixture->db->read([&](Connection& c) -> common::Result<std::vector<bool>> {
            return std::vector<bool>{m_queue->holds(c, *first), m_queue->holds(c, *second)};
        });
        QCOMPARE(holds.value(), (std::vector<bool>{false, true}));
        QVERIFY(!m_queue->renew(*first));
        QVERIFY(m_queue->renew(*second));
        // The stale holder's failure report changes nothing.
        QCOMPARE(fail(*first, true).outcome, FailResult::Outcome::Fenced);
        QCOMPARE(QString::fromStdString(stateOf(second->job.id)), QStringLiteral("leased"));
    }

    void renewKeepsTheLease()
    {
        enqueue();
        auto held = lease("worker-a");
        // Several lease lengths go by; renewed, the job is never due for another worker.
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 600) {
            QVERIFY(m_queue->renew(*held));
            QVERIFY(!lease("worker-b").has_value());
            m_queue->waitForWork(kKinds, std::chrono::milliseconds(60));
        }
    }

    void threeRetryLevelsWithGrowingDelaysThenDeadLetter()
    {
        const auto id = enqueue();
        auto l = lease("w");
        std::vector<std::int64_t> delays;
        for (int level = 1; level <= 3; ++level) {
            const auto before = store::Timestamps::nowMillis();
            auto result = fail(*l, true);
            QCOMPARE(result.outcome, FailResult::Outcome::Retrying);
            QCOMPARE(result.level, level);
            delays.push_back(result.retryAtMillis - before);
            QVERIFY(!lease("w").has_value()); // not due yet
            l = leaseWhenDue("w");
            QVERIFY(l.has_value());
            QCOMPARE(l->level, level);
            QVERIFY(store::Timestamps::nowMillis() >= result.retryAtMillis);
        }
        QVERIFY(delays[0] >= 30 && delays[0] < delays[1] && delays[1] < delays[2]);
        auto dead = fail(*l, true);
        QCOMPARE(dead.outcome, FailResult::Outcome::DeadLettered);
        QCOMPARE(QString::fromStdString(stateOf(id)), QStringLiteral("dead"));
        auto letter =
            m_fixture->db->read([&](Connection& c) -> common::Result<store::DeadLetterRecord> {
                return store::DeadLetterStore::find(c, dead.deadLetterId)
                    .value_or(store::DeadLetterRecord{});
            });
        QCOMPARE(QString::fromStdString(letter->jobId), QString::fromStdString(id));
        QCOMPARE(letter->attempts, 4);
        QCOMPARE(QString::fromStdString(letter->errorCode),
                 QStringLiteral("ERROR_CODE_REPOSITORY_ACCESS"));
        QVERIFY(!lease("w").has_value());
    }

    void nonRetryableFailsAtOnce()
    {
        const auto id = enqueue();
        auto l = lease("w");
        QCOMPARE(fail(*l, false).outcome, FailResult::Outcome::Failed);
        QCOMPARE(QString::fromStdString(stateOf(id)), QStringLiteral("failed"));
        auto letters = m_fixture->db->read(
            [](Connection& c) { return store::DeadLetterStore::list(c, 10, ""); });
        QCOMPARE(letters->totalCount, 0);
    }

    void requeueMakesANewJobOnceAndKeepsTheHistory()
    {
        enqueue();
        auto l = lease("w");
        for (int i = 0; i < 3; ++i) {
            fail(*l, true);
            l = leaseWhenDue("w");
        }
        const auto letterId = fail(*l, true).deadLetterId;
        auto requeued = m_fixture->db->write(
            [&](Connection& c) { return m_queue->requeueDeadLetter(c, letterId); });
        QVERIFY2(requeued.ok(), requeued.ok() ? "" : requeued.error().message().c_str());
        auto again = lease("w");
        QVERIFY(again.has_value());
        QCOMPARE(QString::fromStdString(again->job.id), QString::fromStdString(requeued.value()));
        QCOMPARE(again->level, 0);
        QCOMPARE(QString::fromStdString(again->job.payload), QStringLiteral("p"));
        auto twice = m_fixture->db->write(
            [&](Connection& c) { return m_queue->requeueDeadLetter(c, letterId); });
        QVERIFY(!twice.ok());
        QCOMPARE(twice.error().code(), common::StatusCode::FailedPrecondition);
        auto missing = m_fixture->db->write([&](Connection& c) {
            return m_queue->requeueDeadLetter(c, common::Uuid::generateV4());
        });
        QCOMPARE(missing.error().code(), common::StatusCode::NotFound);
        auto letters = m_fixture->db->read(
            [](Connection& c) { return store::DeadLetterStore::list(c, 10, ""); });
        QCOMPARE(letters->totalCount, 1);
        QVERIFY(letters->items.front().requeuedAtMillis > 0);
    }

    void abandonedLeasesAreReleasedAtStart()
    {
        queue::RetryPolicy slow = fastPolicy();
        slow.lease = std::chrono::hours(1);
        m_queue = std::make_unique<queue::EmbeddedJobQueue>(m_fixture->db, slow);
        enqueue();
        QVERIFY(lease("old-process").has_value());
        QVERIFY(!lease("new-process").has_value());
        QCOMPARE(m_queue->releaseAbandonedLeases("new-process").value(), 1);
        auto taken = lease("new-process");
        QVERIFY(taken.has_value());
        QCOMPARE(taken->attempt, 2);
    }

    void cancelledJobsAreNeverLeased()
    {
        enqueue();
        auto cancelled = m_fixture->db->write([&](Connection& c) -> common::Status {
            m_queue->cancelForExecution(c, m_execution);
            return {};
        });
        QVERIFY(cancelled.ok());
        QVERIFY(!lease("w").has_value());
    }

    void enqueueWakesAWaitingWorker()
    {
        std::atomic<bool> woke = false;
        std::thread worker([&] {
            m_queue->waitForWork(kKinds, std::chrono::seconds(20));
            woke = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT((enqueue(), woke.load()), 10000);
        worker.join();
    }
};

QTEST_GUILESS_MAIN(TestJobQueue)
#include "test_job_queue.moc"
