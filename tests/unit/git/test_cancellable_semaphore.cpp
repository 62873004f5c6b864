// CancellableSemaphore: the bound holds, a released permit wakes a waiter, and a
// cancelled waiter leaves at once without taking a permit.
#include "git/CancellableSemaphore.h"

#include <QTest>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

using builder::common::CancelToken;
using builder::common::StatusCode;
using builder::git::CancellableSemaphore;

class TestCancellableSemaphore : public QObject
{
    Q_OBJECT

private slots:
    void boundIsNeverExceeded()
    {
        CancellableSemaphore semaphore(2);
        std::atomic<int> inside{0};
        std::atomic<int> most{0};
        std::vector<std::thread> threads;
        for (int i = 0; i < 6; ++i) {
            threads.emplace_back([&] {
                auto permit = semaphore.acquire(CancelToken());
                QVERIFY(permit.ok());
                const int now = ++inside;
                int seen = most.load();
                while (now > seen && !most.compare_exchange_weak(seen, now)) {
                }
                std::this_thread::yield();
                --inside;
            });
        }
        for (auto& thread : threads) {
            thread.join();
        }
        QVERIFY(most.load() >= 1);
        QVERIFY(most.load() <= 2);
        QCOMPARE(semaphore.available(), 2);
    }

    void releaseWakesAWaiter()
    {
        CancellableSemaphore semaphore(1);
        auto held = semaphore.acquire(CancelToken());
        QVERIFY(held.ok());
        std::atomic<bool> acquired{false};
        std::thread waiter([&] {
            auto permit = semaphore.acquire(CancelToken());
            acquired = permit.ok();
        });
        QVERIFY(!acquired.load());
        {
            auto released = std::move(held).value();
        }
        waiter.join();
        QVERIFY(acquired.load());
        QCOMPARE(semaphore.available(), 1);
    }

    void cancelEndsTheWait()
    {
        CancellableSemaphore semaphore(1);
        auto held = semaphore.acquire(CancelToken());
        QVERIFY(held.ok());
        CancelToken token;
        std::atomic<int> code{-1};
        std::thread waiter([&] {
            auto permit = semaphore.acquire(token);
            code = permit.ok() ? 0 : int(permit.error().code());
        });
        token.cancel();
        waiter.join();
        QCOMPARE(code.load(), int(StatusCode::Cancelled));
        QCOMPARE(semaphore.available(), 0);
    }

    void alreadyCancelledFailsAtOnce()
    {
        CancellableSemaphore semaphore(3);
        CancelToken token;
        token.cancel({StatusCode::DeadlineExceeded, "late"});
        const auto permit = semaphore.acquire(token);
        QVERIFY(!permit.ok());
        QCOMPARE(permit.error().code(), StatusCode::DeadlineExceeded);
        QCOMPARE(semaphore.available(), 3);
    }
};

QTEST_GUILESS_MAIN(TestCancellableSemaphore)
#include "test_cancellable_semaphore.moc"
