// The human approval gate end to end: a real builderd with its workers, the fake
// LLM answering as the demo model, the sample repository behind a bare remote, and
// require_approval=true. Nothing is pushed before a reviewer who is not the
// author approves the exact commit under review.
#include "PipelineFixture.h"
#include "feature/review/v1/review.grpc.pb.h"
#include "support/GrpcTestClient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace builder;
using itest::PipelineFixture;
using testing::GrpcTestClient;
namespace fv1 = feature::feature::v1;
namespace rv1 = feature::review::v1;

namespace {

constexpr const char* kMarker = "COMMENT-MARKER-7f3a";
constexpr const char* kSummaryMarker = "SUMMARY-MARKER-19c2";

PipelineFixture::Options approvalRequired()
{
    PipelineFixture::Options options;
    options.repositoryProperties = {{"require_approval", "true"}};
    return options;
}

// The model's answer to the repair request a change request triggers: one
// more edit on top of the demo's steps.
fakes::FakeReply repairAnswer()
{
    const QJsonObject block{
        {"search", "size_t count_chars(const char *text)\n{\n"},
        {"replace",
         "/* Counts bytes, not code points. */\nsize_t count_chars(const char *text)\n{\n"}};
    const QJsonObject edit{
        {"action", "modify"}, {"path", "src/textstats.c"}, {"blocks", QJsonArray{block}}};
    const QJsonObject answer{{"summary", "Document what count_chars() counts"},
                             {"commit_message", "Document count_chars()"},
                             {"edits", QJsonArray{edit}}};
    return fakes::FakeReply::json(answer).withUsage(900, 200);
}

int countOf(const std::vector<fv1::FeatureEvent>& events, const std::string& type)
{
    return static_cast<int>(std::count_if(events.begin(), events.end(),
                                          [&](const auto& e) { return e.type() == type; }));
}

std::string describe(const grpc::Status& status)
{
    return std::to_string(status.error_code()) + ": " + status.error_message();
}

} // namespace

class TestHumanApproval : public QObject
{
    Q_OBJECT

private:
    // Starts the fixture, submits the demo feature as the admin, waits at the gate.
    bool startAndWait(PipelineFixture& fixture, fv1::FeatureExecution& execution);
    void connect(PipelineFixture& fixture);
    std::unique_ptr<grpc::ClientContext> as(const QString& token) const
    {
        return GrpcTestClient::context(token, 15000);
    }
    grpc::Status getDiff(const QString& token, const std::string& id, rv1::GetDiffResponse* out);
    grpc::Status approve(const QString& token, const std::string& id, const std::string& sha,
                         fv1::FeatureExecution* out = nullptr);
    bool branchOnRemote(PipelineFixture& fixture, const std::string& branch) const
    {
        return !fixture.remoteGit({"branch", "--list", QString::fromStdString(branch)}).isEmpty();
    }

    std::unique_ptr<rv1::ReviewService::Stub> m_reviews;
    QString m_admin, m_reviewer, m_engineer;

private slots:
    void onlyAnotherReviewersApprovalOfTheHeadDelivers();
    void requestedChangesReachThePromptAndOpenANewRound();
    void rejectFailsWithTheReason();
};

bool TestHumanApproval::startAndWait(PipelineFixture& fixture, fv1::FeatureExecution& execution)
{
    if (!fixture.start()) {
        qWarning("fixture: %s", qPrintable(fixture.errorString()));
        return false;
    }
    connect(fixture);
    fv1::FeatureExecution created;
    if (!fixture.submit(&created).ok())
        return false;
    execution = fixture.waitForState(
        created.id(), {fv1::FEATURE_STATE_AWAITING_REVIEW, fv1::FEATURE_STATE_COMPLETED,
                       fv1::FEATURE_STATE_FAILED, fv1::FEATURE_STATE_CANCELLED});
    if (execution.state() != fv1::FEATURE_STATE_AWAITING_REVIEW)
        qWarning("stopped in %s: %s", fv1::FeatureState_Name(execution.state()).c_str(),
                 execution.error().message().c_str());
    return execution.state() == fv1::FEATURE_STATE_AWAITING_REVIEW;
}

void TestHumanApproval::connect(PipelineFixture& fixture)
{
    m_reviews =
        rv1::ReviewService::NewStub(GrpcTestClient::channel(fixture.builderd().grpcAddress()));
    m_admin = fixture.builderd().adminToken();
    m_reviewer = fixture.builderd().createToken("rita", "reviewer");
    m_engineer = fixture.builderd().createToken("erin", "engineer");
}

grpc::Status TestHumanApproval::getDiff(const QString& token, const std::string& id,
                                        rv1::GetDiffResponse* out)
{
    rv1::GetDiffRequest request;
    request.set_feature_execution_id(id);
    return m_reviews->GetDiff(as(token).get(), request, out);
}

grpc::Status TestHumanApproval::approve(const QString& token, const std::string& id,
                                        const std::string& sha, fv1::FeatureExecution* out)
{
    rv1::ApproveRequest request;
    request.set_feature_execution_id(id);
    request.set_commit_sha(sha);
    request.set_comment("Looks right to me.");
    rv1::ApproveResponse response;
    auto status = m_reviews->Approve(as(token).get(), request, &response);
    if (out)
        *out = response.execution();
    return status;
}

void TestHumanApproval::onlyAnotherReviewersApprovalOfTheHeadDelivers()
{
    PipelineFixture fixture(approvalRequired());
    fv1::FeatureExecution waiting;
    QVERIFY(startAndWait(fixture, waiting));
    QVERIFY(!m_reviewer.isEmpty() && !m_engineer.isEmpty());
    const auto& id = waiting.id();
    const auto& branch = waiting.spec().feature_branch();
    QVERIFY2(!branchOnRemote(fixture, branch), "pushed before anyone approved");
    QCOMPARE(countOf(fixture.events(id), "approval.requested"), 1);

    // The diff under review: the demo's four files, hunks with line numbers.
    rv1::GetDiffResponse diff;
    auto status = getDiff(m_engineer, id, &diff);
    QVERIFY2(status.ok(), describe(status).c_str());
    QCOMPARE(diff.head_sha().size(), std::size_t(40));
    QCOMPARE(diff.base_sha(), fixture.remoteGit({"rev-parse", "main"}).toStdString());
    QCOMPARE(diff.files_size(), 4);
    QCOMPARE(diff.decision(), rv1::REVIEW_DECISION_APPROVE);
    bool sawHeader = false;
    for (const auto& file : diff.files()) {
        QVERIFY(file.additions() > 0);
        QVERIFY(file.hunks_size() > 0);
        const auto& hunk = file.hunks(0);
        // Only the section heading: the numbers have fields of their own.
        QVERIFY(hunk.header().rfind("@@", 0) != 0);
        if (file.path() == "src/main.c")
            QCOMPARE(QString::fromStdString(hunk.header()),
                     QStringLiteral("static char *read_all(FILE *in)"));
        for (const auto& line : hunk.lines())
            if (line.kind() == rv1::LINE_KIND_ADDED)
                QVERIFY(line.new_line() >= hunk.new_start() && line.old_line() == 0);
        if (file.path() == "src/textstats.h") {
            sawHeader = true;
            QCOMPARE(file.status(), rv1::FILE_STATUS_MODIFIED);
        }
    }
    QVERIFY(sawHeader);

    // The author (the admin token created the feature) can never approve it.
    status = approve(m_admin, id, diff.head_sha());
    QCOMPARE(status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
    QVERIFY2(status.error_message().find("author") != std::string::npos,
             status.error_message().c_str());
    // Nor can an engineer: the role is refused before the manager is asked.
    status = approve(m_engineer, id, diff.head_sha());
    QCOMPARE(status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
    // A reviewer approving a commit other than the head under review is refused.
    status = approve(m_reviewer, id, diff.base_sha());
    QCOMPARE(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
    QVERIFY2(status.error_message().find("approval is for " + diff.base_sha() +
                                         " but the diff under review is at " + diff.head_sha()) !=
                 std::string::npos,
             status.error_message().c_str());
    QVERIFY(!branchOnRemote(fixture, branch));

    fv1::FeatureExecution approved;
    status = approve(m_reviewer, id, diff.head_sha(), &approved);
    QVERIFY2(status.ok(), describe(status).c_str());
    QCOMPARE(approved.id(), id);
    // The same approval again is a no-op, not an error.
    status = approve(m_reviewer, id, diff.head_sha());
    QVERIFY2(status.ok(), describe(status).c_str());

    const auto done = fixture.waitForState(id, PipelineFixture::terminal());
    QVERIFY2(done.state() == fv1::FEATURE_STATE_COMPLETED,
             (fv1::FeatureState_Name(done.state()) + ": " + done.error().message()).c_str());
    QCOMPARE(done.result().commit_sha(), diff.head_sha());
    QCOMPARE(fixture.remoteGit({"rev-parse", QString::fromStdString(branch)}).toStdString(),
             diff.head_sha());
    const auto events = fixture.events(id);
    QCOMPARE(countOf(events, "approval.granted"), 1);
    for (const auto& e : events)
        if (e.type() == "approval.granted")
            QCOMPARE(e.payload().fields().at("approved_by").string_value(), std::string("rita"));
}

void TestHumanApproval::requestedChangesReachThePromptAndOpenANewRound()
{
    PipelineFixture fixture(approvalRequired());
    fixture.model().override("repair", repairAnswer, 1);
    fv1::FeatureExecution waiting;
    QVERIFY(startAndWait(fixture, waiting));
    const auto& id = waiting.id();
    rv1::GetDiffResponse first;
    QVERIFY(getDiff(m_reviewer, id, &first).ok());

    rv1::RequestChangesRequest request;
    request.set_feature_execution_id(id);
    request.set_commit_sha(first.head_sha());
    request.set_summary(std::string("Document the unit. ") + kSummaryMarker);
    auto* comment = request.add_comments();
    comment->set_file("src/textstats.c");
    comment->set_line(40);
    comment->set_side(rv1::COMMENT_SIDE_NEW);
    comment->set_body(std::string("Say that this counts bytes. ") + kMarker);
    rv1::RequestChangesResponse sent;
    auto status = m_reviews->RequestChanges(as(m_reviewer).get(), request, &sent);
    QVERIFY2(status.ok(), describe(status).c_str());
    QCOMPARE(sent.execution().state(), fv1::FEATURE_STATE_EXECUTING);

    // The pipeline fixes, verifies, reviews and stops at the gate again.
    const auto again =
        fixture.waitForState(id, {fv1::FEATURE_STATE_AWAITING_REVIEW, fv1::FEATURE_STATE_COMPLETED,
                                  fv1::FEATURE_STATE_FAILED});
    QVERIFY2(again.state() == fv1::FEATURE_STATE_AWAITING_REVIEW,
             (fv1::FeatureState_Name(again.state()) + ": " + again.error().message()).c_str());
    bool prompted = false;
    for (const auto& r : fixture.llm().requests())
        if (r.stage == "repair" && r.prompt.find(kMarker) != std::string::npos &&
            r.prompt.find(kSummaryMarker) != std::string::npos &&
            r.prompt.find("src/textstats.c:40") != std::string::npos)
            prompted = true;
    QVERIFY2(prompted, "the reviewer's comments did not reach the repair prompt");

    rv1::GetDiffResponse second;
    QVERIFY(getDiff(m_reviewer, id, &second).ok());
    QVERIFY(second.head_sha() != first.head_sha());
    QCOMPARE(second.base_sha(), first.base_sha());
    QCOMPARE(second.comments_size(), 1);
    QCOMPARE(second.comments(0).author(), std::string("rita"));
    QCOMPARE(second.comments(0).line(), 40);
    QVERIFY(!second.comments(0).id().empty());
    const auto events = fixture.events(id);
    QCOMPARE(countOf(events, "approval.changes_requested"), 1);
    QCOMPARE(countOf(events, "approval.requested"), 2);
    QVERIFY(!branchOnRemote(fixture, waiting.spec().feature_branch()));

    // The first head's approval no longer counts: a new commit voids it.
    status = approve(m_reviewer, id, first.head_sha());
    QCOMPARE(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
    QVERIFY2(status.error_message().find("the diff under review is at " + second.head_sha()) !=
                 std::string::npos,
             status.error_message().c_str());
    status = approve(m_reviewer, id, second.head_sha());
    QVERIFY2(status.ok(), describe(status).c_str());
    const auto done = fixture.waitForState(id, PipelineFixture::terminal());
    QVERIFY2(done.state() == fv1::FEATURE_STATE_COMPLETED,
             (fv1::FeatureState_Name(done.state()) + ": " + done.error().message()).c_str());
    QCOMPARE(
        fixture.remoteGit({"rev-parse", QString::fromStdString(waiting.spec().feature_branch())})
            .toStdString(),
        second.head_sha());
    const auto file =
        fixture.remoteGit({"show", QString::fromStdString(second.head_sha()) + ":src/textstats.c"});
    QVERIFY(file.contains("Counts bytes, not code points."));
}

void TestHumanApproval::rejectFailsWithTheReason()
{
    PipelineFixture fixture(approvalRequired());
    fv1::FeatureExecution waiting;
    QVERIFY(startAndWait(fixture, waiting));
    const auto& id = waiting.id();
    rv1::RejectRequest request;
    request.set_feature_execution_id(id);
    request.set_reason("We count code points, not bytes; see the issue.");
    rv1::RejectResponse response;
    // Engineers cannot reject.
    auto status = m_reviews->Reject(as(m_engineer).get(), request, &response);
    QCOMPARE(status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
    status = m_reviews->Reject(as(m_reviewer).get(), request, &response);
    QVERIFY2(status.ok(), describe(status).c_str());
    const auto& e = response.execution();
    QCOMPARE(e.state(), fv1::FEATURE_STATE_FAILED);
    QCOMPARE(e.error().code(), fv1::ERROR_CODE_REJECTED);
    QCOMPARE(e.error().message(), request.reason());
    QCOMPARE(e.error().details().fields().at("rejected_by").string_value(), std::string("rita"));
    // Rejecting again returns the same outcome.
    status = m_reviews->Reject(as(m_reviewer).get(), request, &response);
    QVERIFY2(status.ok(), describe(status).c_str());

    const auto stored = fixture.waitForState(id, PipelineFixture::terminal());
    QCOMPARE(stored.state(), fv1::FEATURE_STATE_FAILED);
    QCOMPARE(stored.error().code(), fv1::ERROR_CODE_REJECTED);
    const auto events = fixture.events(id);
    QCOMPARE(countOf(events, "approval.rejected"), 1);
    QCOMPARE(countOf(events, "feature.failed"), 1);
    QVERIFY(!branchOnRemote(fixture, waiting.spec().feature_branch()));

    // Nothing left to approve.
    rv1::GetDiffResponse diff;
    QVERIFY(getDiff(m_reviewer, id, &diff).ok());
    status = approve(m_reviewer, id, diff.head_sha());
    QCOMPARE(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
    QVERIFY2(status.error_message().find("rejected by rita") != std::string::npos,
             status.error_message().c_str());
}

QTEST_MAIN(TestHumanApproval)
#include "test_human_approval.moc"
