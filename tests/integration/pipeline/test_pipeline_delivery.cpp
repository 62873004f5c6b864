#include "PipelineFixture.h"

#include <QTest>

using namespace builder;
using itest::PipelineFixture;
namespace fv1 = feature::feature::v1;

namespace {

std::vector<std::string> typesOf(const std::vector<fv1::FeatureEvent>& events)
{
    std::vector<std::string> out;
    for (const auto& e : events)
        out.push_back(e.type());
    return out;
}

int countOf(const std::vector<std::string>& types, const std::string& type)
{
    return static_cast<int>(std::count(types.begin(), types.end(), type));
}

} // namespace

class TestPipelineDelivery : public QObject
{
    Q_OBJECT

private slots:
    void specBecomesAPushedBranchWithOneCommitPerStep()
    {
        PipelineFixture fixture;
        QVERIFY2(fixture.start(), qPrintable(fixture.errorString()));
        fv1::FeatureExecution created;
        auto status = fixture.submit(&created);
        QVERIFY2(status.ok(), status.error_message().c_str());

        auto done = fixture.waitForState(created.id(), PipelineFixture::terminal(), 120000);
        QVERIFY2(done.state() == fv1::FEATURE_STATE_COMPLETED,
                 (fv1::FeatureState_Name(done.state()) + ": " + done.error().message()).c_str());

        // The plan, the result and the progress on the execution.
        QCOMPARE(done.plan().steps_size(), 3);
        const auto& result = done.result();
        QCOMPARE(QString::fromStdString(result.branch_name()),
                 QString::fromStdString(created.spec().feature_branch()));
        QCOMPARE(result.commit_count(), 3);
        QCOMPARE(result.files_changed(), 4);
        QVERIFY(result.lines_added() > 10);
        QCOMPARE(done.progress().percent_complete(), 100.0f);

        // The remote has the branch: three commits on top of main, in plan order.
        bool ok = false;
        const auto branch = QString::fromStdString(result.branch_name());
        const auto subjects = fixture.remoteGit({"log", "--format=%s", "main.." + branch}, &ok);
        QVERIFY2(ok, qPrintable(subjects));
        QCOMPARE(subjects, QStringLiteral("Test count_chars()\nPrint the character count; add "
                                          "-c\nAdd count_chars() to textstats"));
        QCOMPARE(fixture.remoteGit({"rev-parse", branch}),
                 QString::fromStdString(result.commit_sha()));
        const auto header = fixture.remoteGit({"show", branch + ":src/textstats.h"});
        QVERIFY(header.contains("size_t count_chars(const char *text);"));
        // Pushed exactly once.
        QCOMPARE(fixture.remoteGit({"reflog", "show", "--format=%H", branch}).split('\n').size(),
                 1);

        // Every stage spoke, in one contiguous log.
        const auto events = fixture.events(created.id());
        for (std::size_t i = 0; i < events.size(); ++i)
            QCOMPARE(events[i].sequence_number(), std::uint64_t(i + 1));
        const auto types = typesOf(events);
        for (const char* type :
             {"feature.created", "workspace.ready", "spec.normalized", "impact.ranked",
              "impact.analyzed", "plan.created", "test.completed", "review.completed",
              "delivery.pushed", "feature.completed"})
            QVERIFY2(countOf(types, type) >= 1, type);
        QCOMPARE(countOf(types, "step.started"), 3);
        QCOMPARE(countOf(types, "step.completed"), 3);
        QCOMPARE(countOf(types, "commit.created"), 3);
        QCOMPARE(countOf(types, "llm.call"), 7);
        QVERIFY(countOf(types, "sandbox.output") >= 1);
        for (const auto& e : events)
            if (e.type() == "test.completed")
                QVERIFY2(e.payload().fields().at("passed").bool_value(), e.summary().c_str());
            else if (e.type() == "review.completed")
                QCOMPARE(QString::fromStdString(e.payload().fields().at("decision").string_value()),
                         QStringLiteral("approve"));
            else if (e.type() == "feature.completed") {
                // The bill travels with the end.
                QCOMPARE(e.payload().fields().at("llm_calls").number_value(), 7.0);
                QVERIFY(e.payload().fields().at("cost_usd").number_value() > 0);
            } else if (e.type() == "llm.call") {
                QCOMPARE(QString::fromStdString(e.payload().fields().at("provider").string_value()),
                         QStringLiteral("anthropic"));
                QVERIFY(e.payload().fields().at("tokens_in").number_value() > 0);
            }

        // One request per LLM stage and step: nothing asked twice.
        QCOMPARE(fixture.llm().requestCount(), std::size_t(7));
        for (const char* key : {"normalize_spec", "analyze_impact", "generate_plan",
                                "generate_code/0", "generate_code/1", "generate_code/2", "review"})
            QCOMPARE(fixture.model().count(key), 1);

        // The patch series and the analysis report are artifacts.
        fv1::GetArtifactsRequest request;
        request.set_feature_execution_id(created.id());
        fv1::GetArtifactsResponse artifacts;
        QVERIFY(fixture.features().GetArtifacts(fixture.ctx().get(), request, &artifacts).ok());
        std::set<int> types2;
        for (const auto& a : artifacts.artifacts()) {
            types2.insert(a.type());
            QVERIFY(a.size() > 0);
        }
        QVERIFY(types2.count(fv1::ARTIFACT_TYPE_PATCH));
        QVERIFY(types2.count(fv1::ARTIFACT_TYPE_ANALYSIS_REPORT));
        QVERIFY(types2.count(fv1::ARTIFACT_TYPE_BUILD_LOG));
    }
};

QTEST_MAIN(TestPipelineDelivery)
#include "test_pipeline_delivery.moc"
