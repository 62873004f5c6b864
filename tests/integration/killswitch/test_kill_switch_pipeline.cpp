#include "PipelineFixture.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace builder;
using fakes::FakeReply;
using itest::PipelineFixture;
namespace av1 = feature::admin::v1;
namespace fv1 = feature::feature::v1;

namespace {

int countOf(const std::vector<fv1::FeatureEvent>& events, const std::string& type)
{
    return static_cast<int>(std::count_if(events.begin(), events.end(),
                                          [&](const auto& e) { return e.type() == type; }));
}

bool branchExists(PipelineFixture& fixture, const std::string& branch)
{
    bool ok = false;
    fixture.remoteGit({"rev-parse", "--verify", "-q", QString::fromStdString(branch)}, &ok);
    return ok;
}

// The demo's answer for step `step` with its first edit replaced.
QJsonObject codeAnswerWithEdit(int step, const QJsonObject& edit)
{
    QFile file(PipelineFixture::sourceDir() + "/resources/demo/answers.json");
    if (!file.open(QIODevice::ReadOnly))
        return {};
    auto answer = QJsonDocument::fromJson(file.readAll())
                      .object()["generate_code"]
                      .toArray()
                      .at(step)
                      .toObject();
    auto edits = answer["edits"].toArray();
    edits.replace(0, edit);
    answer["edits"] = edits;
    return answer;
}

grpc::Status setSwitch(PipelineFixture& fixture, const std::string& repositoryId, bool engaged,
                       const std::string& reason)
{
    av1::SetKillSwitchRequest request;
    request.set_scope(repositoryId.empty() ? av1::KILL_SWITCH_SCOPE_GLOBAL
                                           : av1::KILL_SWITCH_SCOPE_REPOSITORY);
    request.set_repository_id(repositoryId);
    request.set_engaged(engaged);
    request.set_reason(reason);
    av1::SetKillSwitchResponse response;
    return fixture.admin().SetKillSwitch(fixture.ctx().get(), request, &response);
}

av1::GetKillSwitchResponse getSwitch(PipelineFixture& fixture)
{
    av1::GetKillSwitchResponse response;
    (void)fixture.admin().GetKillSwitch(fixture.ctx().get(), {}, &response);
    return response;
}

} // namespace

// The kill switch against the whole pipeline: a switch engaged while the model
// holds a request stops the run before its next side effect, keeps it paused
// (no model request, no push) and lets it finish once released; the automatic
// rules trip on what the pipeline reports.
class TestKillSwitchPipeline : public QObject
{
    Q_OBJECT

private slots:
    void trippedDuringExecutingPausesAndReleaseResumes()
    {
        PipelineFixture fixture;
        QVERIFY2(fixture.start(), qPrintable(fixture.errorString()));
        // Step 1's first request is held; the one after the pause answers normally.
        fixture.model().override(
            "generate_code/1",
            [] { return FakeReply::json(QJsonObject{}).after(std::chrono::seconds(60)); }, 1);
        fv1::FeatureExecution created;
        QVERIFY(fixture.submit(&created).ok());
        // The model holds step 1's request.
        QTRY_COMPARE_WITH_TIMEOUT(fixture.model().count("generate_code/1"), 1, 60000);

        QElapsedTimer timer;
        timer.start();
        QVERIFY(setSwitch(fixture, "", true, "stop everything: incident 7").ok());
        // The held model request is dropped at once.
        QVERIFY(fixture.llm().waitForDisconnects(1, std::chrono::seconds(2)));
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(fixture.waitForEvent(created.id(), "feature.paused", 10000));
        const auto requests = fixture.llm().requestCount();

        // While engaged: no new execution, no model request, no push, not failed.
        fv1::FeatureExecution refused;
        const auto status = fixture.submit(&refused);
        QCOMPARE(status.error_code(), grpc::FAILED_PRECONDITION);
        QVERIFY2(QString::fromStdString(status.error_message()).contains("incident 7"),
                 status.error_message().c_str());
        // The pipeline looks again every two seconds; longer than that, nothing may happen.
        QVERIFY(!fixture.llm().waitForRequests(requests + 1, std::chrono::milliseconds(4500)));
        QVERIFY(!branchExists(fixture, created.spec().feature_branch()));
        auto paused = fixture.waitForState(created.id(), {fv1::FEATURE_STATE_EXECUTING}, 5000);
        QCOMPARE(paused.state(), fv1::FEATURE_STATE_EXECUTING);
        auto events = fixture.events(created.id());
        QCOMPARE(countOf(events, "feature.paused"), 1);
        QCOMPARE(countOf(events, "killswitch.changed"), 1);

        QVERIFY(setSwitch(fixture, "", false, "incident 7 over").ok());
        auto done = fixture.waitForState(created.id(), PipelineFixture::terminal(), 60000);
        QVERIFY2(done.state() == fv1::FEATURE_STATE_COMPLETED,
                 (fv1::FeatureState_Name(done.state()) + ": " + done.error().message()).c_str());
        QVERIFY(branchExists(fixture, created.spec().feature_branch()));
        events = fixture.events(created.id());
        QCOMPARE(countOf(events, "feature.resumed"), 1);
        QCOMPARE(countOf(events, "killswitch.changed"), 2);
        // Step 1 was asked again; nothing before it was paid twice.
        QCOMPARE(fixture.model().count("generate_code/1"), 2);
        QCOMPARE(fixture.model().count("generate_code/0"), 1);
        QCOMPARE(fixture.model().count("generate_plan"), 1);
    }

    void repositorySwitchHoldsAcrossARestart()
    {
        PipelineFixture fixture;
        QVERIFY2(fixture.start(), qPrintable(fixture.errorString()));
        fixture.model().override(
            "generate_code/0",
            [] { return FakeReply::json(QJsonObject{}).after(std::chrono::seconds(60)); }, 1);
        fv1::FeatureExecution created;
        QVERIFY(fixture.submit(&created).ok());
        QTRY_COMPARE_WITH_TIMEOUT(fixture.model().count("generate_code/0"), 1, 60000);
        QVERIFY(setSwitch(fixture, fixture.repositoryId(), true, "hold textstats").ok());
        QVERIFY(fixture.waitForEvent(created.id(), "feature.paused", 10000));

        QVERIFY2(fixture.killAndRestart(), qPrintable(fixture.errorString()));
        const auto got = getSwitch(fixture);
        QCOMPARE(got.repositories_size(), 1);
        QVERIFY(got.repositories(0).engaged());
        const auto requests = fixture.llm().requestCount();
        QVERIFY(!fixture.llm().waitForRequests(requests + 1, std::chrono::milliseconds(4500)));
        QCOMPARE(fixture.waitForState(created.id(), {fv1::FEATURE_STATE_EXECUTING}, 5000).state(),
                 fv1::FEATURE_STATE_EXECUTING);

        QVERIFY(setSwitch(fixture, fixture.repositoryId(), false, "go on").ok());
        auto done = fixture.waitForState(created.id(), PipelineFixture::terminal(), 60000);
        QVERIFY2(done.state() == fv1::FEATURE_STATE_COMPLETED,
                 (fv1::FeatureState_Name(done.state()) + ": " + done.error().message()).c_str());
    }

    void failureRateRuleTripsTheGlobalSwitch()
    {
        PipelineFixture::Options options;
        options.extraArgs = {"--killswitch.failure_min_executions", "2",
                             "--killswitch.failure_window",         "2",
                             "--killswitch.failure_rate",           "100%"};
        PipelineFixture fixture(options);
        QVERIFY2(fixture.start(), qPrintable(fixture.errorString()));
        // An edit into .git/ is a policy violation: the run fails at once.
        const auto bad = codeAnswerWithEdit(0, QJsonObject{{"action", "create"},
                                                           {"path", ".git/hooks/post-commit"},
                                                           {"content", "#!/bin/sh\necho pwned\n"}});
        fixture.model().override("generate_code/0", [bad] { return FakeReply::json(bad); });
        for (int i = 0; i < 2; ++i) {
            QVERIFY(!getSwitch(fixture).global().engaged());
            fv1::FeatureExecution created;
            QVERIFY(fixture.submit(&created).ok());
            const auto done = fixture.waitForState(created.id(), PipelineFixture::terminal());
            QCOMPARE(done.state(), fv1::FEATURE_STATE_FAILED);
        }
        av1::KillSwitchState global;
        QTRY_VERIFY_WITH_TIMEOUT((global = getSwitch(fixture).global()).engaged(), 5000);
        QVERIFY(global.automatic());
        QCOMPARE(QString::fromStdString(global.changed_by()), QStringLiteral("builderd"));
        QVERIFY2(QString::fromStdString(global.reason())
                     .startsWith("automatic: rule failure-rate: 2 of the last 2"),
                 global.reason().c_str());
        fv1::FeatureExecution refused;
        QCOMPARE(fixture.submit(&refused).error_code(), grpc::FAILED_PRECONDITION);

        av1::ListAuditRequest request;
        request.set_action("killswitch.set");
        av1::ListAuditResponse audit;
        QVERIFY(fixture.admin().ListAudit(fixture.ctx().get(), request, &audit).ok());
        QCOMPARE(audit.entries_size(), 1);
        QCOMPARE(QString::fromStdString(audit.entries(0).actor()), QStringLiteral("builderd"));
        QCOMPARE(audit.entries(0).role(), av1::ROLE_UNSPECIFIED);
    }

    void secretsRuleTripsTheRepositorySwitch()
    {
        PipelineFixture::Options options;
        options.extraArgs = {"--killswitch.secrets_threshold", "1"};
        PipelineFixture fixture(options);
        QVERIFY2(fixture.start(), qPrintable(fixture.errorString()));
        // The model writes a credential into the code; the reviewer finds it.
        QString key = "AK" + QStringLiteral("IA");
        const QString alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        for (int i = 0; i < 16; ++i)
            key += alphabet[QRandomGenerator::global()->bounded(alphabet.size())];
        const auto leaky = codeAnswerWithEdit(
            0, QJsonObject{{"action", "create"},
                           {"path", "src/cloud.c"},
                           {"content", "const char *aws_access_key_id = \"" + key + "\";\n"}});
        fixture.model().override("generate_code/0", [leaky] { return FakeReply::json(leaky); });
        fv1::FeatureExecution created;
        QVERIFY(fixture.submit(&created).ok());
        QVERIFY(fixture.waitForEvent(created.id(), "review.finding", 60000));
        av1::KillSwitchState state;
        const auto repositorySwitch = [&] {
            const auto got = getSwitch(fixture);
            if (got.repositories_size() > 0)
                state = got.repositories(0);
            return state.engaged();
        };
        QTRY_VERIFY_WITH_TIMEOUT(repositorySwitch(), 5000);
        QVERIFY(state.automatic());
        QCOMPARE(QString::fromStdString(state.repository_id()),
                 QString::fromStdString(fixture.repositoryId()));
        QVERIFY2(QString::fromStdString(state.reason())
                     .startsWith("automatic: rule secrets-in-generated-code"),
                 state.reason().c_str());
        // The secret itself is in neither the switch's reason nor the audit.
        QVERIFY(!QString::fromStdString(state.reason()).contains(key));
        QVERIFY(!getSwitch(fixture).global().engaged());
    }
};

QTEST_GUILESS_MAIN(TestKillSwitchPipeline)
#include "test_kill_switch_pipeline.moc"
