#include "PipelineFixture.h"

#include <QFile>
#include <QTest>

using namespace builder;
using itest::PipelineFixture;
namespace fv1 = feature::feature::v1;

// The README's run command replays resources/demo/cassette.json. This test
// runs the same feature on the same sample from that cassette alone, so a
// change to the prompts that would break the demo fails here. To record the
// cassette again after such a change:
//   BUILDER_RECORD_DEMO_CASSETTE=$PWD/resources/demo/cassette.json \
//     ctest --test-dir build -R test_demo_cassette
class TestDemoCassette : public QObject
{
    Q_OBJECT

private slots:
    void demoFeatureReplaysFromTheCassette()
    {
        const auto record = qEnvironmentVariable("BUILDER_RECORD_DEMO_CASSETTE");
        PipelineFixture::Options options;
        if (record.isEmpty())
            options.replayCassette = PipelineFixture::sourceDir() + "/resources/demo/cassette.json";
        else
            options.recordCassette = record;
        PipelineFixture fixture(options);
        QVERIFY2(fixture.start(), qPrintable(fixture.errorString()));
        fv1::FeatureExecution created;
        QVERIFY(fixture.submit(&created).ok());
        auto done = fixture.waitForState(created.id(), PipelineFixture::terminal(), 120000);
        QVERIFY2(done.state() == fv1::FEATURE_STATE_COMPLETED,
                 (fv1::FeatureState_Name(done.state()) + ": " + done.error().message()).c_str());
        QCOMPARE(done.result().commit_count(), 3);
        if (record.isEmpty()) {
            // Offline: not one request reached a model.
            QCOMPARE(fixture.llm().requestCount(), std::size_t(0));
            for (const auto& e : fixture.events(created.id()))
                if (e.type() == "llm.call")
                    QCOMPARE(
                        QString::fromStdString(e.payload().fields().at("provider").string_value()),
                        QStringLiteral("replay"));
        } else {
            QVERIFY(QFile::exists(record));
            qInfo("recorded %s", qPrintable(record));
        }
    }
};

QTEST_MAIN(TestDemoCassette)
#include "test_demo_cassette.moc"
