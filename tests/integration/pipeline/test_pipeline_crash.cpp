#include "PipelineFixture.h"

#include <QTest>

using namespace builder;
using fakes::FakeReply;
using itest::PipelineFixture;
namespace fv1 = feature::feature::v1;

namespace {

// What must hold after any crash: one commit per step on the pushed branch, in
// plan order; the remote branch updated once; one request per journaled
// answer; one contiguous event log.
void checkInvariants(PipelineFixture& fixture, const fv1::FeatureExecution& done)
{
    QVERIFY2(done.state() == fv1::FEATURE_STATE_COMPLETED,
             (fv1::FeatureState_Name(done.state()) + ": " + done.error().message()).c_str());
    const auto branch = QString::fromStdString(done.result().branch_name());
    QCOMPARE(fixture.remoteGit({"log", "--format=%s", "main.." + branch}),
             QStringLiteral("Test count_chars()\nPrint the character count; add -c\nAdd "
                            "count_chars() to textstats"));
    QCOMPARE(fixture.remoteGit({"reflog", "show", "--format=%H", branch}).split('\n').size(), 1);
    QCOMPARE(fixture.remoteGit({"rev-parse", branch}),
             QString::fromStdString(done.result().commit_sha()));
    const auto events = fixture.events(done.id());
    QVERIFY(!events.empty());
    for (std::size_t i = 0; i < events.size(); ++i)
        QCOMPARE(events[i].sequence_number(), std::uint64_t(i + 1));
    int completed = 0;
    for (const auto& e : events)
        completed += e.type() == "feature.completed" ? 1 : 0;
    QCOMPARE(completed, 1);
}

} // namespace

class TestPipelineCrash : public QObject
{
    Q_OBJECT

private slots:
    void killedWhileExecutingResumesWithoutRepeats()
    {
        PipelineFixture fixture;
        QVERIFY2(fixture.start(), qPrintable(fixture.errorString()));
        // Step 1's answer never comes before the crash.
        fixture.model().override(
            "generate_code/1",
            [] { return FakeReply::json(QJsonObject{}).after(std::chrono::seconds(60)); }, 1);
        fv1::FeatureExecution created;
        QVERIFY(fixture.submit(&created).ok());
        QVERIFY(fixture.llm().waitForRequests(5, std::chrono::seconds(60)));
        QTRY_COMPARE_WITH_TIMEOUT(fixture.model().count("generate_code/1"), 1, 10000);

        QVERIFY2(fixture.killAndRestart(), qPrintable(fixture.errorString()));
        auto done = fixture.waitForState(created.id(), PipelineFixture::terminal());
        checkInvariants(fixture, done);
        // Every answer received before the crash was journaled and not asked again;
        // the one that never arrived was asked once more.
        for (const char* key : {"normalize_spec", "analyze_impact", "generate_plan",
                                "generate_code/0", "generate_code/2", "review"})
            QCOMPARE(fixture.model().count(key), 1);
        QCOMPARE(fixture.model().count("generate_code/1"), 2);
    }

    void killedDuringDeliveryPushesOnce()
    {
        PipelineFixture fixture;
        QVERIFY2(fixture.start(), qPrintable(fixture.errorString()));
        fv1::FeatureExecution created;
        QVERIFY(fixture.submit(&created).ok());
        // The review is the last model call; delivery follows it at once.
        QVERIFY(fixture.waitForEvent(created.id(), "review.completed", 60000));
        QVERIFY2(fixture.killAndRestart(), qPrintable(fixture.errorString()));
        auto done = fixture.waitForState(created.id(), PipelineFixture::terminal());
        checkInvariants(fixture, done);
        for (const char* key : {"normalize_spec", "analyze_impact", "generate_plan",
                                "generate_code/0", "generate_code/1", "generate_code/2", "review"})
            QCOMPARE(fixture.model().count(key), 1);
    }
};

QTEST_MAIN(TestPipelineCrash)
#include "test_pipeline_crash.moc"
