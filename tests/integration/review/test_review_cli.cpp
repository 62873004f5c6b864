// The real builderctl binary at the approval gate: `review diff` (text, --patch,
// --json), `review request-changes` with anchored comments, `review approve`
// refused for the author and accepted for a reviewer, and the exit codes a
// script sees.
#include "PipelineFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace builder;
using itest::PipelineFixture;
namespace fv1 = feature::feature::v1;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

QString headOf(const QString& text)
{
    for (const auto& line : text.split('\n'))
        if (line.startsWith("Head:"))
            return line.mid(5).trimmed();
    return {};
}

} // namespace

class TestReviewCli : public QObject
{
    Q_OBJECT

private:
    Run ctl(PipelineFixture& fixture, const QString& token, const QStringList& args)
    {
        QProcess p;
        QStringList all = {"--server",   fixture.builderd().grpcAddress(),
                           "--token",    token,
                           "--data-dir", m_scratch.path()};
        p.start(qEnvironmentVariable("BUILDER_TEST_BINARY_DIR") + "/app/builderctl/builderctl",
                all + args);
        if (!p.waitForFinished(30000))
            return {};
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

    QTemporaryDir m_scratch;

private slots:
    void reviewThroughTheCli()
    {
        PipelineFixture::Options options;
        options.repositoryProperties = {{"require_approval", "true"}};
        PipelineFixture fixture(options);
        fixture.model().override(
            "repair",
            [] {
                const QJsonObject block{{"search", "size_t count_chars(const char *text)\n"},
                                        {"replace", "/* Bytes. */\nsize_t count_chars(const char "
                                                    "*text)\n"}};
                const QJsonObject edit{{"action", "modify"},
                                       {"path", "src/textstats.c"},
                                       {"blocks", QJsonArray{block}}};
                return fakes::FakeReply::json(QJsonObject{{"summary", "Say it counts bytes"},
                                                          {"commit_message", "Note bytes"},
                                                          {"edits", QJsonArray{edit}}})
                    .withUsage(500, 100);
            },
            1);
        QVERIFY2(fixture.start(), qPrintable(fixture.errorString()));
        fv1::FeatureExecution created;
        QVERIFY(fixture.submit(&created).ok());
        const auto id = QString::fromStdString(created.id());
        auto waiting = fixture.waitForState(
            created.id(), {fv1::FEATURE_STATE_AWAITING_REVIEW, fv1::FEATURE_STATE_FAILED});
        QCOMPARE(waiting.state(), fv1::FEATURE_STATE_AWAITING_REVIEW);
        const QString admin = fixture.builderd().adminToken();
        const QString reviewer = fixture.builderd().createToken("rita", "reviewer");

        Run run = ctl(fixture, reviewer, {"review", "diff", id});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QString head = headOf(run.out);
        QCOMPARE(head.size(), 40);
        for (const char* part : {"src/textstats.h", "FILE", "STATUS", "4 file(s), +",
                                 "Automated review: approve", "Comments (0): none"})
            QVERIFY2(run.out.contains(part), qPrintable(part + ("\n" + run.out)));

        run = ctl(fixture, reviewer, {"review", "diff", id, "--patch"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains("diff --git a/src/textstats.h b/src/textstats.h"));
        QVERIFY(run.out.contains("+size_t count_chars(const char *text);"));

        run = ctl(fixture, reviewer, {"--json", "review", "diff", id});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const auto json = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(json["head_sha"].toString(), head);
        QCOMPARE(json["files"].toArray().size(), 4);
        QVERIFY(!json["files"].toArray().at(0).toObject()["hunks"].toArray().isEmpty());

        // The author may not approve: a server error (exit 1) that says why.
        run = ctl(fixture, admin, {"review", "approve", id, "--sha", head});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("permission_denied") && run.err.contains("author"),
                 qPrintable(run.err));
        // Usage errors never reach the server (exit 2).
        run = ctl(fixture, reviewer, {"review", "reject", id});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("--reason"), qPrintable(run.err));
        run = ctl(fixture, reviewer, {"review", "request-changes", id, "--sha", head});
        QCOMPARE(run.exitCode, 2);

        run = ctl(fixture, reviewer,
                  {"review", "request-changes", id, "--sha", head, "--comment",
                   "src/textstats.c:40:CLI-MARKER: say bytes", "--summary", "One note"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains("Sent back with 1 comment(s)"), qPrintable(run.out));
        waiting = fixture.waitForState(
            created.id(), {fv1::FEATURE_STATE_AWAITING_REVIEW, fv1::FEATURE_STATE_FAILED});
        QCOMPARE(waiting.state(), fv1::FEATURE_STATE_AWAITING_REVIEW);

        run = ctl(fixture, reviewer, {"review", "diff", id});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QString second = headOf(run.out);
        QVERIFY(second != head);
        QVERIFY2(run.out.contains("src/textstats.c:40 - rita"), qPrintable(run.out));
        QVERIFY(run.out.contains("CLI-MARKER: say bytes"));

        // The old head is stale now.
        run = ctl(fixture, reviewer, {"review", "approve", id, "--sha", head});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("the diff under review is at " + second), qPrintable(run.err));
        run = ctl(fixture, reviewer, {"review", "approve", id, "--sha", second, "--comment", "ok"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains("Approved " + second));
        const auto done = fixture.waitForState(created.id(), PipelineFixture::terminal());
        QCOMPARE(done.state(), fv1::FEATURE_STATE_COMPLETED);
    }
};

QTEST_MAIN(TestReviewCli)
#include "test_review_cli.moc"
