#include "core/KillSwitchRules.h"

#include <QTest>

using builder::core::KillSwitchRuleConfig;
using builder::core::KillSwitchRules;

namespace {

constexpr std::int64_t kMinute = 60 * 1000;

KillSwitchRuleConfig config()
{
    KillSwitchRuleConfig c; // the defaults: 3 secrets in 1 h; 50 % over 10
    return c;
}

} // namespace

class TestKillSwitchRules : public QObject
{
    Q_OBJECT

private slots:
    void secretsTripTheRepositoryAtTheThreshold()
    {
        KillSwitchRules rules(config());
        QVERIFY(!rules.secretFound("repo-a", 0));
        QVERIFY(!rules.secretFound("repo-a", 10 * kMinute));
        const auto trip = rules.secretFound("repo-a", 59 * kMinute);
        QVERIFY(trip);
        QCOMPARE(QString::fromStdString(trip->repositoryId), QStringLiteral("repo-a"));
        QCOMPARE(QString::fromStdString(trip->rule), QString(KillSwitchRules::kSecretsRule));
        QVERIFY2(trip->reason.find("automatic: rule secrets-in-generated-code: 3 secret "
                                   "findings in generated code within 1h") == 0,
                 trip->reason.c_str());
        // Counting starts again after a trip.
        QCOMPARE(rules.secretsCounted("repo-a"), 0);
    }

    void secretsOutsideTheWindowDoNotCount()
    {
        KillSwitchRules rules(config());
        QVERIFY(!rules.secretFound("repo-a", 0));
        QVERIFY(!rules.secretFound("repo-a", 30 * kMinute));
        // The first one is exactly an hour old now: out of the window.
        QVERIFY(!rules.secretFound("repo-a", 60 * kMinute));
        QCOMPARE(rules.secretsCounted("repo-a"), 2);
        QVERIFY(rules.secretFound("repo-a", 61 * kMinute));
    }

    void secretsAreCountedPerRepository()
    {
        KillSwitchRules rules(config());
        QVERIFY(!rules.secretFound("repo-a", 0));
        QVERIFY(!rules.secretFound("repo-b", 1));
        QVERIFY(!rules.secretFound("repo-a", 2));
        QVERIFY(!rules.secretFound("repo-b", 3));
        const auto trip = rules.secretFound("repo-b", 4);
        QVERIFY(trip);
        QCOMPARE(QString::fromStdString(trip->repositoryId), QStringLiteral("repo-b"));
        QCOMPARE(rules.secretsCounted("repo-a"), 2);
    }

    void secretsArriveOutOfOrder()
    {
        auto c = config();
        c.secretsThreshold = 2;
        KillSwitchRules rules(c);
        QVERIFY(!rules.secretFound("repo-a", 90 * kMinute));
        // Older than the window before the newest one: does not pair with it.
        QVERIFY(!rules.secretFound("repo-a", 20 * kMinute));
        QCOMPARE(rules.secretsCounted("repo-a"), 1);
        QVERIFY(rules.secretFound("repo-a", 80 * kMinute));
    }

    void resetForgetsARepository()
    {
        KillSwitchRules rules(config());
        QVERIFY(!rules.secretFound("repo-a", 0));
        QVERIFY(!rules.secretFound("repo-a", 1));
        rules.resetRepository("repo-a");
        QVERIFY(!rules.secretFound("repo-a", 2));
        QCOMPARE(rules.secretsCounted("repo-a"), 1);
    }

    void failureRate_data()
    {
        QTest::addColumn<QString>("outcomes"); // F failed, C completed, oldest first
        QTest::addColumn<int>("tripsAt");      // 1-based index of the tripping outcome; 0 none
        QTest::newRow("five of ten failed: exactly 50 %") << "CFCFCFCFCF" << 10;
        QTest::newRow("four of ten failed") << "CFCFCFCFCC" << 0;
        QTest::newRow("all failed, but only nine finished") << "FFFFFFFFF" << 0;
        QTest::newRow("all failed: trips at the tenth") << "FFFFFFFFFFFF" << 10;
        QTest::newRow("sliding: the early successes leave the window") << "CCCCCCFFFFF" << 11;
        QTest::newRow("sliding: old failures leave the window") << "FFFFCCCCCCCCCC" << 0;
    }

    void failureRate()
    {
        QFETCH(QString, outcomes);
        QFETCH(int, tripsAt);
        KillSwitchRules rules(config());
        int tripped = 0;
        for (int i = 0; i < outcomes.size() && tripped == 0; ++i) {
            const auto trip = rules.executionFinished(outcomes[i] == 'F');
            if (trip) {
                tripped = i + 1;
                QVERIFY(trip->repositoryId.empty());
                QCOMPARE(QString::fromStdString(trip->rule),
                         QString(KillSwitchRules::kFailureRule));
                QVERIFY2(trip->reason.find("automatic: rule failure-rate: ") == 0,
                         trip->reason.c_str());
                QVERIFY2(trip->reason.find("threshold 50% over at least 10") != std::string::npos,
                         trip->reason.c_str());
            }
        }
        QCOMPARE(tripped, tripsAt);
    }

    void failureRateOverALongerWindow()
    {
        auto c = config();
        c.failureMinExecutions = 4;
        c.failureWindow = 8;
        c.failureRate = 0.75;
        KillSwitchRules rules(c);
        // No prefix of four or more reaches 75 %: at most 5 of 8.
        for (QChar outcome : QStringLiteral("FFCCFCFF"))
            QVERIFY(!rules.executionFinished(outcome == 'F'));
        QCOMPARE(rules.outcomesCounted(), 8);
        QVERIFY(!rules.executionFinished(true));         // FCCFCFFF: 5 of the last 8
        QVERIFY(!rules.executionFinished(true));         // CCFCFFFF: still 5
        const auto trip = rules.executionFinished(true); // CFCFFFFF: 6 of 8 = 75 %
        QVERIFY(trip);
        QVERIFY2(trip->reason.find("6 of the last 8 finished executions failed (75%") !=
                     std::string::npos,
                 trip->reason.c_str());
        QCOMPARE(rules.outcomesCounted(), 0);
    }

    void disabledRulesNeverTrip()
    {
        auto c = config();
        c.secretsRule = false;
        c.failureRule = false;
        KillSwitchRules rules(c);
        for (int i = 0; i < 20; ++i) {
            QVERIFY(!rules.secretFound("repo-a", i));
            QVERIFY(!rules.executionFinished(true));
        }
    }
};

QTEST_GUILESS_MAIN(TestKillSwitchRules)
#include "test_kill_switch_rules.moc"
