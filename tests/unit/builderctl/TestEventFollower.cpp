#include "ScriptedEventSource.h"
#include "TestBuilderCtl.h"

#include "builderctl/EventFollower.h"

#include <QTest>

using namespace builder::ctl;

namespace {

QString join(const std::vector<std::uint64_t>& values)
{
    QStringList parts;
    for (const auto value : values)
        parts << QString::number(value);
    return parts.join(' ');
}

} // namespace

void TestBuilderCtl::follower_data()
{
    QTest::addColumn<bool>("follow");
    QTest::addColumn<int>("after");
    QTest::addColumn<QString>("script");
    QTest::addColumn<QStringList>("hidden");
    QTest::addColumn<int>("allowedWaits"); // the next wait reports an interrupt
    QTest::addColumn<QString>("delivered");
    QTest::addColumn<QString>("opens");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("terminal");
    QTest::addColumn<bool>("replayDeadlinePassed");

    QTest::newRow("replay stops when idle")
        << false << 0 << "1 2 3 ~" << QStringList{} << 0 << "1 2 3"
        << "0" << 0 << "" << false;
    QTest::newRow("replay of nothing") << false << 0 << "~" << QStringList{} << 0 << ""
                                       << "0" << 0 << "" << false;
    QTest::newRow("replay ends with the stream")
        << false << 0 << "1 2" << QStringList{} << 0 << "1 2"
        << "0" << 0 << "" << false;
    QTest::newRow("replay does not reconnect")
        << false << 0 << "1 !UNAVAILABLE|2" << QStringList{} << 5 << "1"
        << "0" << 14 << "" << false;
    QTest::newRow("replay error") << false << 0 << "1 !PERMISSION_DENIED" << QStringList{} << 0
                                  << "1"
                                  << "0" << 7 << "" << false;
    QTest::newRow("replay after") << false << 2 << "3 4 ~" << QStringList{} << 0 << "3 4"
                                  << "2" << 0 << "" << false;
    QTest::newRow("follow until completed")
        << true << 0 << "1 2 3:feature.completed 4" << QStringList{} << 0 << "1 2 3"
        << "0" << 0 << "feature.completed" << false;
    QTest::newRow("follow reconnects without gap or duplicate")
        << true << 0 << "1 2 !UNAVAILABLE|2 3 4:feature.failed" << QStringList{} << 5 << "1 2 3 4"
        << "0 2" << 0 << "feature.failed" << false;
    QTest::newRow("follow survives several drops")
        << true << 0 << "1 !INTERNAL|!UNAVAILABLE|1 2 !UNAVAILABLE|3:feature.cancelled"
        << QStringList{} << 5 << "1 2 3"
        << "0 1 1 2" << 0 << "feature.cancelled" << false;
    QTest::newRow("follow reopens a cleanly closed stream")
        << true << 0 << "1|2:feature.completed" << QStringList{} << 5 << "1 2"
        << "0 1" << 0 << "feature.completed" << false;
    QTest::newRow("follow from after")
        << true << 5 << "5 6 7:feature.completed" << QStringList{} << 0 << "6 7"
        << "5" << 0 << "feature.completed" << false;
    QTest::newRow("follow stops on a permanent error")
        << true << 0 << "1 !NOT_FOUND" << QStringList{} << 5 << "1"
        << "0" << 5 << "" << false;
    QTest::newRow("follow hides the end it only asked for")
        << true << 0 << "3:step.completed 4:feature.completed" << QStringList{"feature.completed"}
        << 0 << "3"
        << "0" << 0 << "feature.completed" << false;
    QTest::newRow("follow interrupted while waiting")
        << true << 0 << "1 !UNAVAILABLE" << QStringList{} << 0 << "1"
        << "0" << 1 << "" << false;
    QTest::newRow("follow gives up when interrupted during an outage")
        << true << 0 << "1 !UNAVAILABLE|!UNAVAILABLE|!UNAVAILABLE" << QStringList{} << 2 << "1"
        << "0 1 1" << 1 << "" << false;
    QTest::newRow("replay of a busy execution ends at the deadline")
        << false << 0 << "1 2 3" << QStringList{} << 0 << "1"
        << "0" << 0 << "" << true;
    QTest::newRow("the replay deadline does not cut a follow")
        << true << 0 << "1 2 3:feature.completed" << QStringList{} << 0 << "1 2 3"
        << "0" << 0 << "feature.completed" << true;
}

void TestBuilderCtl::follower()
{
    QFETCH(bool, follow);
    QFETCH(int, after);
    QFETCH(QString, script);
    QFETCH(QStringList, hidden);
    QFETCH(int, allowedWaits);
    QFETCH(QString, delivered);
    QFETCH(QString, opens);
    QFETCH(int, code);
    QFETCH(QString, terminal);
    QFETCH(bool, replayDeadlinePassed);

    ScriptedEventSource source(script);
    std::vector<std::uint64_t> sequences;
    std::vector<std::chrono::milliseconds> waits;
    QStringList notices;
    EventFollower follower(
        source, follow, std::uint64_t(after),
        [&](const feature::feature::v1::FeatureEvent& event) {
            sequences.push_back(event.sequence_number());
        },
        [&](std::chrono::milliseconds delay) {
            waits.push_back(delay);
            return int(waits.size()) <= allowedWaits;
        },
        [&](const std::string& notice) { notices << QString::fromStdString(notice); });
    std::set<std::string> hiddenTypes;
    for (const auto& type : hidden)
        hiddenTypes.insert(type.toStdString());
    follower.setHiddenTypes(hiddenTypes);
    if (replayDeadlinePassed)
        follower.setReplayDeadline(std::chrono::steady_clock::now() - std::chrono::seconds(1));

    const grpc::Status status = follower.run();

    QCOMPARE(int(status.error_code()), code);
    QCOMPARE(join(sequences), delivered);
    QCOMPARE(join(source.opens()), opens);
    QCOMPARE(QString::fromStdString(follower.terminalType()), terminal);
    // Replay reads with the inactivity limit; follow waits as long as it takes.
    for (const auto& idle : source.idles()) {
        if (follow)
            QVERIFY(!idle.has_value());
        else
            QCOMPARE(idle.value_or(std::chrono::milliseconds(-1)), EventFollower::kReplayIdle);
    }
    // One notice per reconnect attempt, each naming where it resumes.
    if (replayDeadlinePassed && !follow) {
        QCOMPARE(notices.size(), 1);
        QVERIFY2(notices.takeFirst().contains("use --follow"), "no hint at --follow");
    }
    QCOMPARE(notices.size(), int(waits.size()));
    for (const auto& notice : notices)
        QVERIFY2(notice.contains("reconnecting after sequence"), qPrintable(notice));
    QCOMPARE(follower.reconnects(), int(source.opens().size()) - 1);
}

void TestBuilderCtl::backoff_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<int>("milliseconds");

    QTest::newRow("first") << 0 << 250;
    QTest::newRow("second") << 1 << 500;
    QTest::newRow("fifth") << 4 << 4000;
    QTest::newRow("capped") << 6 << 10000;
    QTest::newRow("far") << 1000 << 10000;
}

void TestBuilderCtl::backoff()
{
    QFETCH(int, attempt);
    QFETCH(int, milliseconds);
    QCOMPARE(int(EventFollower::backoff(attempt).count()), milliseconds);
}
