#include "common/CancelToken.h"

#include <QTest>

#include <atomic>
#include <thread>

using builder::common::CancelToken;
using builder::common::Error;
using builder::common::StatusCode;

class TestCancelToken : public QObject
{
    Q_OBJECT

private slots:
    void firstReasonWins()
    {
        CancelToken token;
        QVERIFY(!token.cancelled());
        QVERIFY(!token.reason().has_value());
        token.cancel(Error(StatusCode::DeadlineExceeded, "timed out after 5 minutes"));
        token.cancel(Error(StatusCode::Cancelled, "user cancelled"));
        QVERIFY(token.cancelled());
        QCOMPARE(token.reason()->code(), StatusCode::DeadlineExceeded);
        QCOMPARE(QString::fromStdString(token.reason()->message()),
                 QStringLiteral("timed out after 5 minutes"));
    }

    void copiesShareState()
    {
        CancelToken token;
        CancelToken copy = token;
        copy.cancel();
        QVERIFY(token.cancelled());
    }

    void callbackRunsOnceOnCancel()
    {
        CancelToken token;
        int runs = 0;
        auto registration = token.onCancel([&] { ++runs; });
        QCOMPARE(runs, 0);
        token.cancel();
        token.cancel();
        QCOMPARE(runs, 1);
    }

    void callbackRunsAtOnceWhenAlreadyCancelled()
    {
        CancelToken token;
        token.cancel();
        int runs = 0;
        auto registration = token.onCancel([&] { ++runs; });
        QCOMPARE(runs, 1);
    }

    void droppedRegistrationDoesNotRun()
    {
        CancelToken token;
        int runs = 0;
        {
            auto registration = token.onCancel([&] { ++runs; });
        }
        token.cancel();
        QCOMPARE(runs, 0);
    }

    void childFollowsParentNotTheReverse()
    {
        CancelToken parent;
        CancelToken child = parent.child();
        CancelToken other = parent.child();
        other.cancel(Error(StatusCode::Cancelled, "only this one"));
        QVERIFY(!parent.cancelled());
        QVERIFY(!child.cancelled());
        parent.cancel(Error(StatusCode::DeadlineExceeded, "execution timeout"));
        QVERIFY(child.cancelled());
        QCOMPARE(child.reason()->code(), StatusCode::DeadlineExceeded);
        QCOMPARE(other.reason()->code(), StatusCode::Cancelled);
    }

    void childOfCancelledParentIsCancelled()
    {
        CancelToken parent;
        parent.cancel();
        QVERIFY(parent.child().cancelled());
    }

    void waitForWakesOnCancelFromAnotherThread()
    {
        CancelToken token;
        QVERIFY(!token.waitFor(std::chrono::milliseconds(1)));
        std::thread canceller([token]() mutable { token.cancel(); });
        QVERIFY(token.waitFor(std::chrono::seconds(10)));
        canceller.join();
    }

    void unregisteringWaitsForARunningCallback()
    {
        CancelToken token;
        std::atomic<bool> entered = false;
        std::atomic<bool> finished = false;
        auto registration = std::make_unique<CancelToken::Registration>(token.onCancel([&] {
            entered = true;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            finished = true;
        }));
        std::thread canceller([token]() mutable { token.cancel(); });
        QTRY_VERIFY_WITH_TIMEOUT(entered.load(), 10000);
        registration.reset();
        // The callback's captures may be gone after this point: it must be over.
        QVERIFY(finished.load());
        canceller.join();
    }
};

QTEST_GUILESS_MAIN(TestCancelToken)
#include "test_cancel_token.moc"
