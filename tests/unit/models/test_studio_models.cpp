// Every Studio model under QAbstractItemModelTester, plus the behaviour that
// matters: lazy paging, live upserts, batched timeline appends, tree counts.
#include "models/DiffFileTreeModel.h"
#include "models/EventTimelineModel.h"
#include "models/ExecutionListModel.h"
#include "models/LlmUsageModel.h"
#include "models/MessageTableModel.h"
#include "models/PlanStepModel.h"
#include "models/RepositoryListModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace builder::models;
namespace fv1 = feature::feature::v1;
namespace rv1 = feature::repository::v1;

namespace {

fv1::FeatureExecution execution(int n, fv1::FeatureState state = fv1::FEATURE_STATE_PENDING)
{
    fv1::FeatureExecution e;
    e.set_id(QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QChar('0')).toStdString());
    e.mutable_spec()->set_title("Feature " + std::to_string(n));
    e.set_repository_id("repo-1");
    e.set_state(state);
    e.mutable_created_at()->set_seconds(1700000000 + n);
    return e;
}

// A server of `total` executions paged by `pageSize`; pages answer when asked.
struct FakeServer
{
    int total = 0;
    int pageSize = 100;
    int requests = 0;
    std::vector<std::function<void()>> pending;

    ExecutionListModel::PageFetcher fetcher()
    {
        return
            [this](
                const std::string& token,
                std::function<void(builder::common::Result<ExecutionListModel::PageResult>)> done) {
                ++requests;
                const int start = token.empty() ? 0 : std::stoi(token);
                pending.push_back([this, start, done] {
                    ExecutionListModel::PageResult page;
                    for (int i = start; i < std::min(total, start + pageSize); ++i)
                        page.items.push_back(execution(i));
                    page.totalCount = total;
                    if (start + pageSize < total)
                        page.nextPageToken = std::to_string(start + pageSize);
                    done(std::move(page));
                });
            };
    }
    void answerAll()
    {
        auto now = std::move(pending);
        pending.clear();
        for (auto& answer : now)
            answer();
    }
};

} // namespace

class TestStudioModels : public QObject
{
    Q_OBJECT
private slots:
    void repositoryModel();
    void executionPaging_data();
    void executionPaging();
    void executionLiveUpsert();
    void executionPageFailure();
    void timelineBatches();
    void planSteps();
    void llmUsage();
    void diffTree();
    void messageTable();
};

void TestStudioModels::repositoryModel()
{
    RepositoryListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    rv1::Repository a;
    a.set_id("a");
    a.set_name("alpha");
    a.set_url("/srv/alpha.git");
    rv1::Repository b = a;
    b.set_id("b");
    b.set_name("beta");
    b.set_has_credentials(true);
    b.set_credential_type(rv1::CREDENTIAL_TYPE_TOKEN);
    model.setRepositories({a});
    model.upsert(b);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1, RepositoryListModel::CredentialColumn).data().toString(),
             QStringLiteral("Token"));
    b.set_name("beta2");
    model.upsert(b);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.nameOf("b"), QStringLiteral("beta2"));
    model.removeById("a");
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data(RepositoryListModel::IdRole).toString(), QStringLiteral("b"));
}

void TestStudioModels::executionPaging_data()
{
    QTest::addColumn<int>("total");
    QTest::addColumn<int>("pagesToFetch");
    QTest::addColumn<int>("expectedRows");
    QTest::addColumn<bool>("moreAfter");
    QTest::addRow("empty") << 0 << 1 << 0 << false;
    QTest::addRow("one short page") << 42 << 1 << 42 << false;
    QTest::addRow("first of many") << 100000 << 1 << 100 << true;
    QTest::addRow("three of many") << 100000 << 3 << 300 << true;
    QTest::addRow("exactly two pages") << 200 << 2 << 200 << false;
}

void TestStudioModels::executionPaging()
{
    QFETCH(int, total);
    QFETCH(int, pagesToFetch);
    QFETCH(int, expectedRows);
    QFETCH(bool, moreAfter);
    FakeServer server;
    server.total = total;
    // No tester here: it calls fetchMore itself, and this test counts the pages.
    ExecutionListModel model;
    model.setFetcher(server.fetcher());
    QVERIFY(model.isLoading());
    QVERIFY(!model.canFetchMore({})); // one page in flight at a time
    server.answerAll();
    for (int page = 1; page < pagesToFetch; ++page) {
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        server.answerAll();
    }
    QCOMPARE(model.rowCount(), expectedRows);
    QCOMPARE(model.canFetchMore({}), moreAfter);
    QCOMPARE(server.requests, pagesToFetch);
    QCOMPARE(model.totalCount(), total);
}

void TestStudioModels::executionLiveUpsert()
{
    FakeServer server;
    server.total = 150;
    ExecutionListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFetcher(server.fetcher());
    server.answerAll();
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.upsert(execution(5, fv1::FEATURE_STATE_CANCELLED));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.index(model.rowOf(QString::fromStdString(execution(5).id())), 0)
                 .data(ExecutionListModel::StateRole)
                 .toInt(),
             static_cast<int>(fv1::FEATURE_STATE_CANCELLED));
    // A new execution goes on top; the second page does not bring it twice.
    model.upsert(execution(120));
    QCOMPARE(model.rowCount(), 101);
    QCOMPARE(model.idAt(0), QString::fromStdString(execution(120).id()));
    while (!server.pending.empty()) // the tester asks for more pages too
        server.answerAll();
    model.fetchMore({});
    server.answerAll();
    QCOMPARE(model.rowCount(), 150);
    // Old pages arriving after a filter change are ignored.
    model.fetchMore({});
    model.setFetcher(server.fetcher());
    server.answerAll();
    QCOMPARE(model.rowCount(), 100);
}

void TestStudioModels::executionPageFailure()
{
    ExecutionListModel model;
    QSignalSpy failed(&model, &ExecutionListModel::pageFailed);
    model.setFetcher([](const std::string&, auto done) {
        done(builder::common::Error(builder::common::StatusCode::Unavailable, "down"));
    });
    QCOMPARE(failed.count(), 1);
    QVERIFY(!model.canFetchMore({}));
    QVERIFY(!model.isLoading());
}

void TestStudioModels::timelineBatches()
{
    EventTimelineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    std::vector<fv1::FeatureEvent> batch;
    for (int i = 1; i <= 1000; ++i) {
        fv1::FeatureEvent e;
        e.set_sequence_number(static_cast<quint64>(i));
        e.set_type("sandbox.output");
        e.set_summary("line " + std::to_string(i));
        batch.push_back(e);
    }
    model.append(batch);
    model.append({});
    QCOMPARE(inserted.count(), 1); // one insert per batch, none for an empty one
    QCOMPARE(model.rowCount(), 1000);
    QCOMPARE(model.lastSequence(), quint64(1000));
    QCOMPARE(model.index(999, EventTimelineModel::SummaryColumn).data().toString(),
             QStringLiteral("line 1000"));
}

void TestStudioModels::planSteps()
{
    PlanStepModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    fv1::FeatureExecution e = execution(1, fv1::FEATURE_STATE_EXECUTING);
    for (int i = 0; i < 3; ++i) {
        auto* step = e.mutable_plan()->add_steps();
        step->set_index(i);
        step->set_description("step " + std::to_string(i));
        step->set_type(fv1::STEP_TYPE_MODIFY_FILE);
        step->add_target_files("src/a.cpp");
    }
    e.mutable_progress()->set_completed_steps(1);
    e.mutable_progress()->set_current_step(1);
    model.setExecution(e);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.status(0), PlanStepModel::Status::Done);
    QCOMPARE(model.status(1), PlanStepModel::Status::Running);
    QCOMPARE(model.status(2), PlanStepModel::Status::Waiting);
    model.setStepStatus(2, PlanStepModel::Status::Failed);
    QCOMPARE(model.status(2), PlanStepModel::Status::Failed);
}

void TestStudioModels::llmUsage()
{
    LlmUsageModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.addCall({"anthropic", "claude", 100, 20, 0.01});
    model.addCall({"anthropic", "claude", 50, 10, 0.005});
    model.addCall({"openai", "gpt", 10, 5, 0.002});
    QCOMPARE(model.rowCount(), 3); // two models and the total
    QCOMPARE(model.index(0, LlmUsageModel::CallsColumn).data().toInt(), 2);
    QCOMPARE(model.index(2, LlmUsageModel::CallsColumn).data().toInt(), 3);
    QVERIFY(qAbs(model.totalCost() - 0.017) < 1e-9);
}

void TestStudioModels::diffTree()
{
    DiffFileTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFiles({{"src/app/main.cpp", {}, 'M', 10, 2, 1, 0},
                    {"src/app/util.cpp", {}, 'A', 5, 0, 0, 1},
                    {"README.md", {}, 'M', 1, 1, 0, 2},
                    {"src/lib/x.h", "src/lib/old.h", 'R', 0, 0, 2, 3}});
    QCOMPARE(model.rowCount(), 2); // folder "src" first, then README.md
    const QModelIndex src = model.index(0, 0);
    QCOMPARE(src.data().toString(), QStringLiteral("src"));
    QCOMPARE(model.index(0, DiffFileTreeModel::AddedColumn).data().toString(),
             QStringLiteral("+15"));
    QCOMPARE(model.index(0, DiffFileTreeModel::FindingsColumn).data().toInt(), 3);
    const QModelIndex util = model.indexOfFile(1);
    QVERIFY(util.isValid());
    QCOMPARE(util.data(DiffFileTreeModel::PathRole).toString(), QStringLiteral("src/app/util.cpp"));
    QCOMPARE(util.parent().data().toString(), QStringLiteral("app"));
    QVERIFY(model.indexOfFile(3).data(Qt::ToolTipRole).toString().contains("renamed"));
    model.setFiles({});
    QCOMPARE(model.rowCount(), 0);
}

void TestStudioModels::messageTable()
{
    using Model = MessageTableModel<std::pair<QString, int>>;
    Model model({{"Name",
                  [](const std::pair<QString, int>& p, int role) {
                      return role == Qt::DisplayRole ? QVariant(p.first) : QVariant();
                  }},
                 {"Count", [](const std::pair<QString, int>& p, int role) {
                      return role == Qt::DisplayRole ? QVariant(p.second) : QVariant();
                  }}});
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setItems({{"a", 1}, {"b", 2}});
    model.append({"c", 3});
    model.replace(0, {"z", 9});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("z"));
    QCOMPARE(model.headerData(1, Qt::Horizontal, Qt::DisplayRole).toString(),
             QStringLiteral("Count"));
}

QTEST_GUILESS_MAIN(TestStudioModels)
#include "test_studio_models.moc"
