#include "PipelineFixture.h"
#include "support/GrpcTestClient.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace builder;
using fakes::FakeReply;
using itest::PipelineFixture;
namespace fv1 = feature::feature::v1;

namespace {

// The demo's answer for a step with one edit replaced.
QJsonObject codeAnswerWithEdit(int step, const QJsonObject& edit)
{
    QFile file(PipelineFixture::sourceDir() + "/resources/demo/answers.json");
    file.open(QIODevice::ReadOnly);
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

QJsonObject createEdit(const QString& path)
{
    return QJsonObject{
        {"action", "create"}, {"path", path}, {"content", "#!/bin/sh\necho pwned\n"}};
}

bool branchExists(PipelineFixture& fixture, const std::string& branch)
{
    bool ok = false;
    fixture.remoteGit({"rev-parse", "--verify", "-q", QString::fromStdString(branch)}, &ok);
    return ok;
}

int eventsOfType(PipelineFixture& fixture, const std::string& id, const std::string& type)
{
    int n = 0;
    for (const auto& e : fixture.events(id))
        n += e.type() == type ? 1 : 0;
    return n;
}

// A run that fails fast: the model's transport retries are quick.
PipelineFixture::Options quickRetries()
{
    PipelineFixture::Options options;
    options.extraArgs = {"--llm.retry_base_ms", "10", "--llm.retry_max_ms", "50"};
    return options;
}

} // namespace

class TestPipelineFailures : public QObject
{
    Q_OBJECT

private slots:
    void providerErrorsAreRetriedHonouringRetryAfter()
    {
        PipelineFixture fixture(quickRetries());
        QVERIFY2(fixture.start(), qPrintable(fixture.errorString()));
        fixture.model().override(
            "normalize_spec", [] { return FakeReply::serverError(); }, 1);
        fixture.model().override(
            "analyze_impact", [] { return FakeReply::rateLimited(1); }, 1);
        fv1::FeatureExecution created;
        QVERIFY(fixture.submit(&created).ok());
        QElapsedTimer timer;
        timer.start();
        auto done = fixture.waitForState(created.id(), PipelineFixture::terminal());
        QCOMPARE(done.state(), fv1::FEATURE_STATE_COMPLETED);
        QCOMPARE(fixture.model().count("normalize_spec"), 2);
        QCOMPARE(fixture.model().count("analyze_impact"), 2);
        QVERIFY2(timer.elapsed() >= 1000, "Retry-After: 1 was not honoured");
        // One llm.call per answered call, with the attempts it took.
        for (const auto& e : fixture.events(created.id()))
            if (e.type() == "llm.call" &&
                e.payload().fields().at("stage").string_value() == "normalize_spec")
                QCOMPARE(e.payload().fields().at("attempts").number_value(), 2.0);
    }

    void invalidModelOutputGetsOneCorrectionThenFails()
    {
        PipelineFixture fixture;
        QVERIFY2(fixture.start(), qPrintable(fixture.errorString()));
        fixture.model().override("normalize_spec", [] {
            return FakeReply::json(QJsonObject{{"problem_statement", "too short"}});
        });
        fv1::FeatureExecution created;
        QVERIFY(fixture.submit(&created).ok());
        auto done = fixture.waitForState(created.id(), PipelineFixture::terminal());
        QCOMPARE(done.state(), fv1::FEATURE_STATE_FAILED);
        QCOMPARE(done.error().code(), fv1::ERROR_CODE_ANALYSIS_FAILED);
        QVERIFY(!done.error().retryable());
        const auto message = QString::fromStdString(done.error().message());
        QVERIFY2(message.contains("normalize_spec") && message.contains("requirements"),
                 qPrintable(message));
        QCOMPARE(fixture.model().count("normalize_spec"), 2);
        // The second request quotes what was wrong with the first answer.
        const auto requests = fixture.llm().requests();
        QVERIFY(QString::fromStdString(requests.back().lastUserText).contains("requirements"));
        QCOMPARE(fixture.model().count("analyze_impact"), 0);
    }

    void editsThatDoNotApplyGetOneCorrectiveRetry()
    {
        PipelineFixture fixture;
        QVERIFY2(fixture.start(), qPrintable(fixture.errorString()));
        const auto wrong = codeAnswerWithEdit(
            0,
            QJsonObject{{"action", "modify"},
                        {"path", "src/textstats.h"},
                        {"blocks", QJsonArray{QJsonObject{{"search", "size_t count_bytes(void);"},
                                                          {"replace", "x"}}}}});
        fixture.model().override(
            "generate_code/0", [wrong] { return FakeReply::json(wrong); }, 1);
        fv1::FeatureExecution created;
        QVERIFY(fixture.submit(&created).ok());
        auto done = fixture.waitForState(created.id(), PipelineFixture::terminal());
        QCOMPARE(done.state(), fv1::FEATURE_STATE_COMPLETED);
        QCOMPARE(fixture.model().count("generate_code/0"), 2);
        QCOMPARE(eventsOfType(fixture, created.id(), "step.edits_rejected"), 1);
        // The correction carries the error and the file's current text.
        std::string correction;
        for (const auto& r : fixture.llm().requests())
            if (fixture.model().keyOf(r) == "generate_code/0")
                correction = r.lastUserText;
        QVERIFY(correction.find("not found") != std::string::npos);
        QVERIFY(correction.find("size_t count_lines(const char *text);") != std::string::npos);
    }

    void editsThatStillDoNotApplyFailTheStepWithNothingCommitted()
    {
        PipelineFixture fixture;
        QVERIFY2(fixture.start(), qPrintable(fixture.errorString()));
        const auto wrong = codeAnswerWithEdit(
            1, QJsonObject{{"action", "modify"},
                           {"path", "src/main.c"},
                           {"blocks", QJsonArray{QJsonObject{{"search", "int main(int argc)"},
                                                             {"replace", "x"}}}}});
        fixture.model().override("generate_code/1", [wrong] { return FakeReply::json(wrong); });
        fv1::FeatureExecution created;
        QVERIFY(fixture.submit(&created).ok());
        auto done = fixture.waitForState(created.id(), PipelineFixture::terminal());
        QCOMPARE(done.state(), fv1::FEATURE_STATE_FAILED);
        QCOMPARE(done.error().code(), fv1::ERROR_CODE_GENERATION_FAILED);
        QCOMPARE(done.error().failed_step(), 1);
        QVERIFY(QString::fromStdString(done.error().message()).contains("src/main.c"));
        QCOMPARE(fixture.model().count("generate_code/1"), 2);
        QCOMPARE(fixture.model().count("generate_code/2"), 0);
        QVERIFY(!branchExists(fixture, created.spec().feature_branch()));
    }

    void pathPolicyViolationsAreRejectedWithNothingWritten_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("rule");
        QTest::addRow("parent directory") << "../escaped.sh"
                                          << "climbs out";
        QTest::addRow("git hooks") << ".git/hooks/post-commit"
                                   << ".git";
        QTest::addRow("absolute") << "/tmp/builder-escape.sh"
                                  << "absolute";
        QTest::addRow("symlink outside") << "outside/escaped.sh"
                                         << "symbolic link";
        QTest::addRow("forbidden path") << "src/forbidden.c"
                                        << "forbidden_paths";
    }
    void pathPolicyViolationsAreRejectedWithNothingWritten()
    {
        QFETCH(QString, path);
        QFETCH(QString, rule);
        PipelineFixture fixture;
        QVERIFY2(fixture.start(), qPrintable(fixture.errorString()));
        QTemporaryDir outside;
        QVERIFY(fixture.commitToMain(
            [&](const QString& tree) { return QFile::link(outside.path(), tree + "/outside"); },
            "Add a link that points outside"));
        const auto bad = codeAnswerWithEdit(0, createEdit(path));
        fixture.model().override("generate_code/0", [bad] { return FakeReply::json(bad); });
        auto constraints = PipelineFixture::defaults();
        constraints.add_forbidden_paths("src/forbidden.c");
        fv1::FeatureExecution created;
        QVERIFY(fixture.submit(&created, constraints).ok());
        auto done = fixture.waitForState(created.id(), PipelineFixture::terminal());
        QCOMPARE(done.state(), fv1::FEATURE_STATE_FAILED);
        QCOMPARE(done.error().code(), fv1::ERROR_CODE_POLICY_VIOLATION);
        const auto message = QString::fromStdString(done.error().message());
        QVERIFY2(message.contains(path) && message.contains(rule), qPrintable(message));
        // Not retried (a policy violation is final) and nothing landed anywhere.
        QCOMPARE(fixture.model().count("generate_code/0"), 1);
        QVERIFY(!branchExists(fixture, created.spec().feature_branch()));
        QCOMPARE(QDir(outside.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).size(), 0);
        QVERIFY(!QFile::exists("/tmp/builder-escape.sh"));
        const auto workspaces = fixture.builderd().dataDir() + "/workspaces";
        QVERIFY(!QFile::exists(workspaces + "/escaped.sh"));
        QVERIFY(!QFile::exists(workspaces + "/" + QString::fromStdString(created.id()) +
                               "/.git/hooks/post-commit"));
    }

    void cancelStopsASlowModelCallWithinTwoSeconds()
    {
        PipelineFixture fixture;
        QVERIFY2(fixture.start(), qPrintable(fixture.errorString()));
        fixture.model().override("generate_code/1", [] {
            return FakeReply::json(QJsonObject{}).after(std::chrono::seconds(60));
        });
        fv1::FeatureExecution created;
        QVERIFY(fixture.submit(&created).ok());
        QVERIFY(fixture.llm().waitForRequests(5, std::chrono::seconds(60)));
        const auto connectionsBefore = fixture.llm().requestCount();
        QElapsedTimer timer;
        timer.start();
        fv1::CancelRequest cancel;
        cancel.set_id(created.id());
        cancel.set_reason("changed my mind");
        fv1::CancelResponse response;
        QVERIFY(fixture.features().Cancel(fixture.ctx().get(), cancel, &response).ok());
        QCOMPARE(response.execution().state(), fv1::FEATURE_STATE_CANCELLED);
        // The in-flight HTTP request is dropped by builderd.
        QVERIFY(fixture.llm().waitForDisconnects(1, std::chrono::seconds(2)));
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        auto done = fixture.waitForState(created.id(), PipelineFixture::terminal());
        QCOMPARE(done.state(), fv1::FEATURE_STATE_CANCELLED);
        QCOMPARE(QString::fromStdString(done.error().message()), QStringLiteral("changed my mind"));
        QCOMPARE(fixture.llm().requestCount(), connectionsBefore);
        QVERIFY(!branchExists(fixture, created.spec().feature_branch()));
    }

    void timeoutMinutesIsEnforced()
    {
        PipelineFixture::Options options;
        options.extraArgs = {"--pipeline.timeout_minute_ms", "100"};
        PipelineFixture fixture(options);
        QVERIFY2(fixture.start(), qPrintable(fixture.errorString()));
        fixture.model().override("generate_plan", [] {
            return FakeReply::json(QJsonObject{}).after(std::chrono::seconds(60));
        });
        auto constraints = PipelineFixture::defaults();
        constraints.set_timeout_minutes(5); // 5 x 100 ms here
        fv1::FeatureExecution created;
        QVERIFY(fixture.submit(&created, constraints).ok());
        auto done = fixture.waitForState(created.id(), PipelineFixture::terminal(), 30000);
        QCOMPARE(done.state(), fv1::FEATURE_STATE_FAILED);
        QCOMPARE(done.error().code(), fv1::ERROR_CODE_TIMEOUT);
        QVERIFY(QString::fromStdString(done.error().message()).contains("timeout_minutes"));
    }

    void budgetExhaustedStopsCleanly()
    {
        PipelineFixture::Options options;
        options.extraArgs = {"--pipeline.budget_usd", "0.000001"};
        PipelineFixture fixture(options);
        QVERIFY2(fixture.start(), qPrintable(fixture.errorString()));
        fv1::FeatureExecution created;
        QVERIFY(fixture.submit(&created).ok());
        auto done = fixture.waitForState(created.id(), PipelineFixture::terminal());
        QCOMPARE(done.state(), fv1::FEATURE_STATE_FAILED);
        QCOMPARE(done.error().code(), fv1::ERROR_CODE_BUDGET_EXCEEDED);
        QVERIFY(QString::fromStdString(done.error().message()).contains("budget"));
        // The first call was paid for and used up the budget; nothing after it was asked.
        QCOMPARE(fixture.llm().requestCount(), std::size_t(1));
    }

    void deadLetteredAfterThreeLevelsThenRequeued()
    {
        PipelineFixture::Options options;
        options.extraArgs = {"--llm.max_attempts", "1", "--pipeline.retry_delays",
                             "50ms,100ms,150ms"};
        PipelineFixture fixture(options);
        QVERIFY2(fixture.start(), qPrintable(fixture.errorString()));
        fixture.model().override(
            "normalize_spec", [] { return FakeReply::serverError(); }, 4);
        fv1::FeatureExecution created;
        QVERIFY(fixture.submit(&created).ok());
        auto done = fixture.waitForState(created.id(), PipelineFixture::terminal());
        QCOMPARE(done.state(), fv1::FEATURE_STATE_FAILED);
        QVERIFY(done.error().retryable());
        QCOMPARE(fixture.model().count("normalize_spec"), 4);
        QCOMPARE(eventsOfType(fixture, created.id(), "job.retry_scheduled"), 3);
        {
            const auto all = fixture.events(created.id());
            std::string types;
            for (const auto& e : all)
                types += e.type() + " ";
            const auto again = fixture.events(created.id()).size();
            const auto third = fixture.events(created.id()).size();
            types += " | " + std::to_string(all.size()) + " " + std::to_string(again) + " " +
                     std::to_string(third);
            QVERIFY2(eventsOfType(fixture, created.id(), "job.dead_lettered") == 1, types.c_str());
        }

        feature::admin::v1::ListDeadLettersRequest list;
        feature::admin::v1::ListDeadLettersResponse letters;
        QVERIFY(fixture.admin().ListDeadLetters(fixture.ctx().get(), list, &letters).ok());
        QCOMPARE(letters.dead_letters_size(), 1);
        const auto& letter = letters.dead_letters(0);
        QCOMPARE(QString::fromStdString(letter.feature_execution_id()),
                 QString::fromStdString(created.id()));
        QCOMPARE(letter.attempts(), 4);
        QCOMPARE(QString::fromStdString(letter.error_code()),
                 QStringLiteral("ERROR_CODE_ANALYSIS_FAILED"));

        // The model answers again: an admin requeues, the execution completes.
        feature::admin::v1::RequeueDeadLetterRequest requeue;
        requeue.set_id(letter.id());
        feature::admin::v1::RequeueDeadLetterResponse requeued;
        auto status = fixture.admin().RequeueDeadLetter(fixture.ctx().get(), requeue, &requeued);
        QVERIFY2(status.ok(), status.error_message().c_str());
        done = fixture.waitForState(created.id(), {fv1::FEATURE_STATE_COMPLETED}, 60000);
        QCOMPARE(done.state(), fv1::FEATURE_STATE_COMPLETED);
        QCOMPARE(eventsOfType(fixture, created.id(), "feature.requeued"), 1);
        // An engineer may not requeue.
        const auto engineer = fixture.builderd().createToken("eve", "engineer");
        auto context = testing::GrpcTestClient::context(engineer);
        QCOMPARE(fixture.admin().RequeueDeadLetter(context.get(), requeue, &requeued).error_code(),
                 grpc::StatusCode::PERMISSION_DENIED);
    }

    void retryFromAStepReusesTheEarlierAnswers()
    {
        PipelineFixture fixture;
        QVERIFY2(fixture.start(), qPrintable(fixture.errorString()));
        fixture.model().override("generate_code/2", [] { return FakeReply::answer("no edits"); });
        fv1::FeatureExecution created;
        QVERIFY(fixture.submit(&created).ok());
        auto failed = fixture.waitForState(created.id(), PipelineFixture::terminal());
        QCOMPARE(failed.state(), fv1::FEATURE_STATE_FAILED);
        QCOMPARE(failed.error().failed_step(), 2);
        QCOMPARE(fixture.model().count("generate_code/2"), 2);

        // The model behaves now; the retry starts at step 2.
        fixture.model().override("generate_code/2", {}, 0);
        fv1::RetryRequest retry;
        retry.set_id(created.id());
        retry.set_from_step(2);
        fv1::RetryResponse response;
        auto status = fixture.features().Retry(fixture.ctx().get(), retry, &response);
        QVERIFY2(status.ok(), status.error_message().c_str());
        auto done = fixture.waitForState(response.execution().id(), PipelineFixture::terminal());
        QVERIFY2(done.state() == fv1::FEATURE_STATE_COMPLETED, done.error().message().c_str());
        QCOMPARE(done.result().commit_count(), 3);
        // Everything before step 2 came from the parent's journal.
        for (const char* key : {"normalize_spec", "analyze_impact", "generate_plan",
                                "generate_code/0", "generate_code/1"})
            QCOMPARE(fixture.model().count(key), 1);
        QCOMPARE(fixture.model().count("generate_code/2"), 3);
    }
};

QTEST_MAIN(TestPipelineFailures)
#include "test_pipeline_failures.moc"
