// core::ReviewManager on a real SQLite file and real git workspaces: what GetDiff
// shows (files, hunks, line numbers, findings of the round, comments), what each
// decision writes in its transaction (round, events, audit entry, job), the
// author rule, stale commits, idempotency, and the speed of a 10,000-line diff.
#include "StoreFixture.h"
#include "core/AuditActions.h"
#include "core/AuditLog.h"
#include "core/EventBus.h"
#include "core/EventRecorder.h"
#include "core/FeatureManager.h"
#include "core/ReviewManager.h"
#include "git/Workspace.h"
#include "queue/EmbeddedJobQueue.h"
#include "review/ReportRenderer.h"
#include "review/Reviewer.h"
#include "store/EventStore.h"
#include "store/ExecutionStore.h"
#include "store/JournalStore.h"
#include "store/ReviewRoundStore.h"
#include "store/Timestamps.h"
#include "support/GitFixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace builder;
namespace fv1 = feature::feature::v1;
namespace rv1 = feature::review::v1;
using security::Principal;
using security::Role;

namespace {

const Principal kAuthor{"alice", Role::Admin, "t1"};
const Principal kReviewer{"rita", Role::Reviewer, "t2"};
const Principal kOtherReviewer{"ravi", Role::Reviewer, "t3"};

std::vector<std::string> eventTypes(store::Database& db, const std::string& id)
{
    auto events = db.read([&](store::Connection& c) -> common::Result<std::vector<std::string>> {
        std::vector<std::string> out;
        for (const auto& e : store::EventStore::list(c, id, 0, 1000))
            out.push_back(e.type());
        return out;
    });
    return events.ok() ? events.value() : std::vector<std::string>{};
}

} // namespace

class TestReviewManager : public QObject
{
    Q_OBJECT

private:
    struct Setup
    {
        testing::StoreFixture store;
        QTemporaryDir scratch;
        core::EventBus bus;
        std::unique_ptr<core::EventRecorder> events;
        std::unique_ptr<queue::EmbeddedJobQueue> jobs;
        std::unique_ptr<core::ReviewManager> reviews;
        std::string repositoryId;
        std::string mirror;
        std::string workspaces;
    };

    std::unique_ptr<Setup> setup();
    // An execution by alice whose workspace holds `files` (path -> content)
    // committed on top of the mirror's main.
    std::string execution(Setup& s, const std::map<std::string, std::string>& files,
                          std::string* base, std::string* head);
    // Opens review round `round` at base..head and journals the automated
    // review of that diff, as the pipeline does at the gate.
    void openRound(Setup& s, const std::string& id, int round, const std::string& base,
                   const std::string& head);
    static int jobsFor(Setup& s, const std::string& id);

private slots:
    void getDiffShowsTheRoundUnderReview();
    void getDiffBeforeAnyRound();
    void approveWritesDecisionEventAuditAndJob();
    void requestChangesStoresAnchoredComments();
    void rejectFailsAndCancelsJobs();
    void tenThousandLineDiffIsFast();
};

std::unique_ptr<TestReviewManager::Setup> TestReviewManager::setup()
{
    auto s = std::make_unique<Setup>();
    if (!s->store.ok() || !s->scratch.isValid())
        return nullptr;
    s->events = std::make_unique<core::EventRecorder>(s->store.db, s->bus);
    s->jobs = std::make_unique<queue::EmbeddedJobQueue>(s->store.db);
    s->workspaces = s->scratch.filePath("workspaces").toStdString();
    QDir().mkpath(QString::fromStdString(s->workspaces));
    s->mirror = s->scratch.filePath("mirror.git").toStdString();
    if (!testing::GitFixture::createBareWithCommit(QString::fromStdString(s->mirror), "main"))
        return nullptr;
    s->repositoryId = s->store.addRepository("textstats");
    core::ReviewManager::Settings settings;
    settings.workspacesDir = s->workspaces;
    s->reviews = std::make_unique<core::ReviewManager>(s->store.db, *s->events, *s->jobs, settings);
    return s;
}

std::string TestReviewManager::execution(Setup& s, const std::map<std::string, std::string>& files,
                                         std::string* base, std::string* head)
{
    auto record = testing::StoreFixture::makeExecution(s.repositoryId, "Count characters",
                                                       "Add a character count.", 0);
    record.createdBy = kAuthor.user;
    const auto id = record.execution.id();
    if (!s.store.db
             ->write([&](store::Connection& c) -> common::Status {
                 store::ExecutionStore::insert(c, record);
                 return {};
             })
             .ok())
        return {};
    const auto dir = s.workspaces + "/" + id;
    auto workspace = git::Workspace::create(s.mirror, dir, "feature/count", "main");
    if (!workspace.ok())
        return {};
    *base = workspace->baseSha().value();
    if (files.empty()) {
        *head = *base;
        return id;
    }
    for (const auto& [path, content] : files) {
        const auto full = QString::fromStdString(dir + "/" + path);
        QDir().mkpath(QFileInfo(full).absolutePath());
        QFile file(full);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(content.data(), static_cast<qint64>(content.size()));
    }
    auto commit = workspace->commitAll("Add files", {"Builder", "builder@localhost"});
    if (!commit.ok())
        return {};
    *head = workspace->headSha().value();
    return id;
}

void TestReviewManager::openRound(Setup& s, const std::string& id, int round,
                                  const std::string& base, const std::string& head)
{
    auto workspace = git::Workspace::open(s.workspaces + "/" + id);
    QVERIFY(workspace.ok());
    auto patch = workspace->diff(base, head);
    QVERIFY(patch.ok());
    const review::Reviewer reviewer;
    auto report = reviewer.reviewPatch(patch.value(), {});
    QVERIFY(report.ok());
    const std::string journal =
        "{\"decision\":\"" + std::string(review::decisionName(report->decision)) +
        "\",\"risk_score\":" + std::to_string(report->riskScore) + ",\"report\":" +
        review::ReportRenderer::jsonString(review::ReportRenderer::json(report.value())) + "}";
    auto written = s.store.db->write([&](store::Connection& c) -> common::Status {
        store::ReviewRound r;
        r.executionId = id;
        r.round = round;
        r.baseSha = base;
        r.headSha = head;
        r.createdAtMillis = store::Timestamps::nowMillis();
        store::ReviewRoundStore::open(c, r);
        store::JournalStore::put(c, id, "done/review/" + std::to_string(round), journal,
                                 r.createdAtMillis);
        auto e = store::ExecutionStore::findById(c, id)->execution;
        e.set_state(fv1::FEATURE_STATE_AWAITING_REVIEW);
        store::ExecutionStore::update(c, e);
        return {};
    });
    QVERIFY(written.ok());
}

int TestReviewManager::jobsFor(Setup& s, const std::string& id)
{
    int count = 0;
    while (auto lease = s.jobs->lease({core::FeatureManager::kExecuteJob}, "test").value()) {
        if (lease->job.executionId == id)
            ++count;
        (void)s.store.db->write([&](store::Connection& c) -> common::Status {
            s.jobs->complete(c, *lease);
            return {};
        });
    }
    return count;
}

void TestReviewManager::getDiffShowsTheRoundUnderReview()
{
    auto s = setup();
    QVERIFY(s);
    std::string base, head;
    const auto id =
        execution(*s,
                  {{"app/x.py", "import pickle\nobj = pickle.loads(data)\nprint(obj)\n"},
                   {"README.md", "hello\n"}},
                  &base, &head);
    QVERIFY(!id.empty());
    openRound(*s, id, 0, base, head);
    rv1::GetDiffRequest request;
    request.set_feature_execution_id(id);
    auto diff = s->reviews->getDiff(request);
    QVERIFY2(diff.ok(), diff.ok() ? "" : diff.error().message().c_str());
    QCOMPARE(diff->base_sha(), base);
    QCOMPARE(diff->head_sha(), head);
    QCOMPARE(diff->files_size(), 2);
    const rv1::DiffFile* py = nullptr;
    for (const auto& f : diff->files())
        if (f.path() == "app/x.py")
            py = &f;
    QVERIFY(py);
    QCOMPARE(py->status(), rv1::FILE_STATUS_ADDED);
    QCOMPARE(py->additions(), 3);
    QCOMPARE(py->deletions(), 0);
    QCOMPARE(py->hunks_size(), 1);
    QCOMPARE(py->hunks(0).new_start(), 1);
    QCOMPARE(py->hunks(0).new_lines(), 3);
    QCOMPARE(py->hunks(0).lines_size(), 3);
    QCOMPARE(py->hunks(0).lines(1).kind(), rv1::LINE_KIND_ADDED);
    QCOMPARE(py->hunks(0).lines(1).new_line(), 2);
    QCOMPARE(py->hunks(0).lines(1).old_line(), 0);
    QCOMPARE(py->hunks(0).lines(1).content(), std::string("obj = pickle.loads(data)"));
    // The automated review's findings of this round, anchored to the line.
    QVERIFY(diff->findings_size() >= 1);
    bool anchored = false;
    for (const auto& f : diff->findings())
        if (f.rule_id() == "py-pickle" && f.file() == "app/x.py" && f.line() == 2 &&
            f.severity() == rv1::SEVERITY_HIGH && f.source() == rv1::FINDING_SOURCE_SECURITY)
            anchored = true;
    QVERIFY(anchored);
    QVERIFY(diff->risk_score() > 0);
    QVERIFY(diff->decision() != rv1::REVIEW_DECISION_UNSPECIFIED);

    // Comments from every round come back with their author and place.
    rv1::RequestChangesRequest changes;
    changes.set_feature_execution_id(id);
    changes.set_commit_sha(head);
    auto* c = changes.add_comments();
    c->set_file("app/x.py");
    c->set_line(2);
    c->set_side(rv1::COMMENT_SIDE_NEW);
    c->set_body("Use json instead of pickle.");
    QVERIFY(s->reviews->requestChanges(kReviewer, changes).ok());
    diff = s->reviews->getDiff(request);
    QVERIFY(diff.ok());
    QCOMPARE(diff->comments_size(), 1);
    QCOMPARE(diff->comments(0).author(), std::string("rita"));
    QCOMPARE(diff->comments(0).body(), std::string("Use json instead of pickle."));
    QCOMPARE(diff->comments(0).side(), rv1::COMMENT_SIDE_NEW);
    QVERIFY(diff->comments(0).created_at().seconds() > 0);
}

void TestReviewManager::getDiffBeforeAnyRound()
{
    auto s = setup();
    QVERIFY(s);
    std::string base, head;
    const auto id = execution(*s, {{"src/a.c", "int a;\n"}}, &base, &head);
    QVERIFY(!id.empty());
    rv1::GetDiffRequest request;
    request.set_feature_execution_id(id);
    auto diff = s->reviews->getDiff(request);
    QVERIFY2(diff.ok(), diff.ok() ? "" : diff.error().message().c_str());
    QCOMPARE(diff->base_sha(), base);
    QCOMPARE(diff->head_sha(), head);
    QCOMPARE(diff->files_size(), 1);
    QCOMPARE(diff->findings_size(), 0);
    QCOMPARE(diff->decision(), rv1::REVIEW_DECISION_UNSPECIFIED);

    // No workspace at all: a precondition, said plainly.
    QVERIFY(QDir(QString::fromStdString(s->workspaces + "/" + id)).removeRecursively());
    diff = s->reviews->getDiff(request);
    QCOMPARE(diff.error().code(), common::StatusCode::FailedPrecondition);
    QVERIFY2(diff.error().message().find("has no diff yet") != std::string::npos,
             diff.error().message().c_str());
}

void TestReviewManager::approveWritesDecisionEventAuditAndJob()
{
    auto s = setup();
    QVERIFY(s);
    std::string base, head;
    const auto id = execution(*s, {{"src/a.c", "int a;\n"}}, &base, &head);
    openRound(*s, id, 0, base, head);
    rv1::ApproveRequest request;
    request.set_feature_execution_id(id);
    request.set_commit_sha(head);
    request.set_comment("Ship it.");

    // The author, an admin, is refused; so is a stale commit.
    auto refused = s->reviews->approve(kAuthor, request);
    QCOMPARE(refused.error().code(), common::StatusCode::PermissionDenied);
    request.set_commit_sha(base);
    refused = s->reviews->approve(kReviewer, request);
    QCOMPARE(refused.error().code(), common::StatusCode::FailedPrecondition);
    QCOMPARE(refused.error().violations().at(0).fieldPath, std::string("commit_sha"));
    QCOMPARE(jobsFor(*s, id), 0);

    // Upper case is the same commit.
    request.set_commit_sha(QString::fromStdString(head).toUpper().toStdString());
    auto approved = s->reviews->approve(kReviewer, request);
    QVERIFY2(approved.ok(), approved.ok() ? "" : approved.error().message().c_str());
    QCOMPARE(approved->state(), fv1::FEATURE_STATE_AWAITING_REVIEW);
    auto round = s->store.db->read([&](store::Connection& c) {
        return common::Result<store::ReviewRound>(*store::ReviewRoundStore::find(c, id, 0));
    });
    QCOMPARE(round->decision, std::string("approved"));
    QCOMPARE(round->decidedBy, std::string("rita"));
    QCOMPARE(round->comment, std::string("Ship it."));
    QCOMPARE(jobsFor(*s, id), 1);
    auto types = eventTypes(*s->store.db, id);
    QCOMPARE(std::count(types.begin(), types.end(), "approval.granted"), 1);

    // A retried call changes nothing; another reviewer is told it is decided.
    QVERIFY(s->reviews->approve(kReviewer, request).ok());
    QCOMPARE(jobsFor(*s, id), 0);
    types = eventTypes(*s->store.db, id);
    QCOMPARE(std::count(types.begin(), types.end(), "approval.granted"), 1);
    refused = s->reviews->approve(kOtherReviewer, request);
    QCOMPARE(refused.error().code(), common::StatusCode::FailedPrecondition);
    QVERIFY2(refused.error().message().find("approved by rita") != std::string::npos,
             refused.error().message().c_str());

    // One audit entry: who, what, which commit, why.
    core::AuditLog audit(s->store.db);
    feature::admin::v1::ListAuditRequest list;
    list.set_action(core::AuditActions::kApprove);
    auto entries = audit.list(list);
    QVERIFY(entries.ok());
    QCOMPARE(entries->entries_size(), 1);
    const auto& entry = entries->entries(0);
    QCOMPARE(entry.actor(), std::string("rita"));
    QCOMPARE(entry.target_id(), id);
    QCOMPARE(entry.reason(), std::string("Ship it."));
    QCOMPARE(entry.details().fields().at("commit_sha").string_value(), head);
}

void TestReviewManager::requestChangesStoresAnchoredComments()
{
    auto s = setup();
    QVERIFY(s);
    std::string base, head;
    const auto id = execution(*s, {{"src/a.c", "int a;\nint b;\n"}}, &base, &head);
    openRound(*s, id, 0, base, head);
    rv1::RequestChangesRequest request;
    request.set_feature_execution_id(id);
    request.set_commit_sha(head);
    request.set_summary("Two small things.");
    for (int line : {1, 2}) {
        auto* c = request.add_comments();
        c->set_file("src/a.c");
        c->set_line(line);
        c->set_side(line == 1 ? rv1::COMMENT_SIDE_OLD : rv1::COMMENT_SIDE_UNSPECIFIED);
        c->set_body("Rename this " + std::to_string(line));
    }
    // A stale head is refused before anything is stored.
    auto stale = request;
    stale.set_commit_sha(base);
    QCOMPARE(s->reviews->requestChanges(kReviewer, stale).error().code(),
             common::StatusCode::FailedPrecondition);

    // The author may send their own feature back (only approval is closed to them).
    auto sent = s->reviews->requestChanges(kAuthor, request);
    QVERIFY2(sent.ok(), sent.ok() ? "" : sent.error().message().c_str());
    QCOMPARE(sent->state(), fv1::FEATURE_STATE_EXECUTING);
    auto stored = s->store.db->read([&](store::Connection& c) {
        return common::Result<std::vector<store::ReviewCommentRecord>>(
            store::ReviewRoundStore::comments(c, id, 0));
    });
    QCOMPARE(stored->size(), std::size_t(2));
    for (const auto& comment : *stored) {
        QCOMPARE(comment.side, comment.line == 1 ? 1 : 2); // unspecified is the new side
        QCOMPARE(comment.author, std::string("alice"));
        QCOMPARE(comment.body, "Rename this " + std::to_string(comment.line));
    }
    // GetDiff lists the comments of one request by place.
    rv1::GetDiffRequest get;
    get.set_feature_execution_id(id);
    auto diff = s->reviews->getDiff(get);
    QVERIFY(diff.ok());
    QCOMPARE(diff->comments_size(), 2);
    QCOMPARE(diff->comments(0).line(), 1);
    QCOMPARE(diff->comments(0).side(), rv1::COMMENT_SIDE_OLD);
    QCOMPARE(diff->comments(1).line(), 2);
    QCOMPARE(diff->comments(1).side(), rv1::COMMENT_SIDE_NEW);
    auto round = s->store.db->read([&](store::Connection& c) {
        return common::Result<store::ReviewRound>(*store::ReviewRoundStore::find(c, id, 0));
    });
    QCOMPARE(round->decision, std::string("changes_requested"));
    QCOMPARE(round->comment, std::string("Two small things."));
    const auto types = eventTypes(*s->store.db, id);
    QCOMPARE(std::count(types.begin(), types.end(), "feature.state_changed"), 1);
    QCOMPARE(std::count(types.begin(), types.end(), "approval.changes_requested"), 1);
    QCOMPARE(jobsFor(*s, id), 1);
    // Sent back: nothing is under review until the pipeline opens the next round.
    QCOMPARE(s->reviews->requestChanges(kReviewer, request).error().code(),
             common::StatusCode::FailedPrecondition);
}

void TestReviewManager::rejectFailsAndCancelsJobs()
{
    auto s = setup();
    QVERIFY(s);
    std::string base, head;
    const auto id = execution(*s, {{"src/a.c", "int a;\n"}}, &base, &head);
    openRound(*s, id, 0, base, head);
    // A job left for the execution (e.g. a stale retry) must not run after a rejection.
    (void)s->store.db->write([&](store::Connection& c) -> common::Status {
        s->jobs->enqueue(c, {"job-1", core::FeatureManager::kExecuteJob, id, {}, 0});
        return {};
    });
    rv1::RejectRequest request;
    request.set_feature_execution_id(id);
    request.set_reason("Out of scope.");
    auto rejected = s->reviews->reject(kReviewer, request);
    QVERIFY2(rejected.ok(), rejected.ok() ? "" : rejected.error().message().c_str());
    QCOMPARE(rejected->state(), fv1::FEATURE_STATE_FAILED);
    QCOMPARE(rejected->error().code(), fv1::ERROR_CODE_REJECTED);
    QCOMPARE(rejected->error().message(), std::string("Out of scope."));
    QVERIFY(rejected->has_completed_at());
    QCOMPARE(jobsFor(*s, id), 0);
    const auto types = eventTypes(*s->store.db, id);
    QCOMPARE(types, (std::vector<std::string>{"feature.state_changed", "approval.rejected",
                                              "feature.failed"}));
    // Idempotent, and final.
    QVERIFY(s->reviews->reject(kOtherReviewer, request).ok());
    QCOMPARE(eventTypes(*s->store.db, id).size(), std::size_t(3));
    rv1::ApproveRequest approve;
    approve.set_feature_execution_id(id);
    approve.set_commit_sha(head);
    QCOMPARE(s->reviews->approve(kReviewer, approve).error().code(),
             common::StatusCode::FailedPrecondition);
}

void TestReviewManager::tenThousandLineDiffIsFast()
{
    auto s = setup();
    QVERIFY(s);
    // 10,000 added lines over 20 files.
    std::map<std::string, std::string> files;
    for (int f = 0; f < 20; ++f) {
        std::string text;
        for (int i = 0; i < 500; ++i)
            text += "int value_" + std::to_string(f) + "_" + std::to_string(i) + " = " +
                    std::to_string(i * 7) + "; /* generated line for the diff benchmark */\n";
        files["src/gen" + std::to_string(f) + ".c"] = text;
    }
    std::string base, head;
    const auto id = execution(*s, files, &base, &head);
    QVERIFY(!id.empty());
    openRound(*s, id, 0, base, head);
    rv1::GetDiffRequest request;
    request.set_feature_execution_id(id);
    QElapsedTimer timer;
    timer.start();
    auto diff = s->reviews->getDiff(request);
    const auto elapsed = timer.elapsed();
    QVERIFY(diff.ok());
    int lines = 0;
    for (const auto& f : diff->files())
        for (const auto& h : f.hunks())
            lines += h.lines_size();
    QCOMPARE(lines, 10000);
    qInfo("GetDiff of a 10,000-line diff (20 files): %lld ms", static_cast<long long>(elapsed));
    QVERIFY2(elapsed < 1000, qPrintable(QString::number(elapsed) + " ms"));
}

QTEST_GUILESS_MAIN(TestReviewManager)
#include "test_review_manager.moc"
