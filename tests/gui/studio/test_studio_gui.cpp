// Builder Studio end to end: the real widgets, found by objectName, against a
// real builderd started here. Every wait is bounded and waits for the event.
#include "StudioFixture.h"

#include "client/AdminApi.h"
#include "client/Identity.h"
#include "diff/DiffView.h"
#include "editor/MarkdownEditor.h"
#include "models/DiffFileTreeModel.h"
#include "models/EventTimelineModel.h"
#include "models/ExecutionListModel.h"
#include "views/AdminPanel.h"
#include "views/DiffReviewPanel.h"
#include "views/ExecutionPanel.h"
#include "views/ExecutionsPanel.h"
#include "views/KillSwitchTab.h"
#include "views/NewFeaturePanel.h"
#include "views/RepositoriesPanel.h"
#include "views/RepositoryDialog.h"
#include "views/TrayNotifier.h"

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTreeView>
#include <QtTest>

#include <google/protobuf/util/json_util.h>

using namespace builder;
using namespace builder::guitest;
using views::MainWindow;
namespace fv1 = feature::feature::v1;

namespace {

constexpr int kWaitMs = 20000;

bool hasEventType(models::EventTimelineModel* model, const QString& type)
{
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->index(row, 0).data(models::EventTimelineModel::TypeRole).toString() == type)
            return true;
    return false;
}

// Clicks the confirm button of the non-blocking question with that objectName.
bool confirm(QWidget* root, const char* name)
{
    QMessageBox* box = nullptr;
    if (!StudioFixture::waitFor([&] { return (box = child<QMessageBox>(root, name)) != nullptr; }))
        return false;
    auto* yes = child<QPushButton>(box, (QByteArray(name) + "Yes").constData());
    if (!yes)
        return false;
    QTest::mouseClick(yes, Qt::LeftButton);
    return true;
}

void selectRepository(QComboBox* combo, const QString& name)
{
    QVERIFY(StudioFixture::waitFor([&] { return combo->findText(name) >= 0; }));
    combo->setCurrentIndex(combo->findText(name));
}

} // namespace

class TestStudioGui : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void registerRepositoryShowsFieldErrors();
    void submitSpecWatchEventsAndCancel();
    void serverFieldErrorsAppearNextToFields();
    void localizationPreviewRanksFiles();
    void reviewerApprovesDiff();
    void engineerCannotSeeOrUseKillSwitch();
    void adminTogglesKillSwitch();
    void diffReviewNavigatesAndCollectsComments();
    void executionScreenDigestsPipelineEvents();
    void adminManagesTokensAndShowsUnimplementedLists();
    void trayNotifiesOnlyOnChangesIntoEndStates_data();
    void trayNotifiesOnlyOnChangesIntoEndStates();
    void draftSurvivesARestart();
    void offlineBannerAndCachedExecutions();

private:
    StudioFixture m_fixture;
};

void TestStudioGui::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_fixture.start(), qPrintable(m_fixture.errorString()));
}

void TestStudioGui::registerRepositoryShowsFieldErrors()
{
    auto session = m_fixture.open("admin");
    MainWindow& window = *session->window;
    window.showPage(MainWindow::RepositoriesPage);
    auto* table = child<QTableView>(&window, "repositoryTable");
    QVERIFY(table);
    QTest::mouseClick(child<QPushButton>(&window, "registerRepositoryButton"), Qt::LeftButton);
    views::RepositoryDialog* dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (dialog = child<views::RepositoryDialog>(&window, "repositoryDialog")) != nullptr, kWaitMs);
    QPointer<views::RepositoryDialog> first(dialog);
    auto* name = child<QLineEdit>(dialog, "repoNameEdit");
    auto* url = child<QLineEdit>(dialog, "repoUrlEdit");
    auto* urlError = child<QLabel>(dialog, "repoUrlError");
    QVERIFY(name && url && urlError);
    QTest::keyClicks(name, "demo-app");
    QTest::keyClicks(url, "ftp://example.com/repo.git");
    // The shared rule speaks at once, next to the field.
    QTRY_VERIFY_WITH_TIMEOUT(!urlError->isHidden(), kWaitMs);
    QVERIFY2(urlError->text().contains("ftp"), qPrintable(urlError->text()));
    QTest::mouseClick(child<QPushButton>(dialog, "repoSubmitButton"), Qt::LeftButton);
    QVERIFY(!urlError->isHidden()); // nothing was sent

    const QString bare = m_fixture.makeBareRepo("demo-app");
    QVERIFY(!bare.isEmpty());
    url->clear();
    QTest::keyClicks(url, bare);
    QTRY_VERIFY_WITH_TIMEOUT(urlError->isHidden(), kWaitMs);
    QTest::mouseClick(child<QPushButton>(dialog, "repoSubmitButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 1, kWaitMs);
    QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("demo-app"));

    // Validate Access on the new repository: a local bare repository is readable and writable.
    table->selectRow(0);
    auto* validate = child<QPushButton>(&window, "validateAccessButton");
    QTRY_VERIFY_WITH_TIMEOUT(validate->isEnabled(), kWaitMs);
    QTest::mouseClick(validate, Qt::LeftButton);
    auto* status = child<QLabel>(&window, "repositoryStatus");
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains("works"), kWaitMs);
    QVERIFY2(status->text().contains("read") && status->text().contains("write"),
             qPrintable(status->text()));

    // The same name for another URL: the server's violation lands at the name field.
    QTRY_VERIFY_WITH_TIMEOUT(first.isNull(), kWaitMs); // closed and deleted after saving
    QTest::mouseClick(child<QPushButton>(&window, "registerRepositoryButton"), Qt::LeftButton);
    views::RepositoryDialog* second = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (second = child<views::RepositoryDialog>(&window, "repositoryDialog")) != nullptr, kWaitMs);
    QVERIFY(child<QLineEdit>(second, "repoNameEdit")->text().isEmpty()); // not the selection's
    QTest::keyClicks(child<QLineEdit>(second, "repoNameEdit"), "demo-app");
    QTest::keyClicks(child<QLineEdit>(second, "repoUrlEdit"), m_fixture.makeBareRepo("other"));
    QPointer<views::RepositoryDialog> secondAlive(second);
    auto* nameError = child<QLabel>(second, "repoNameError");
    auto* formError = child<QLabel>(second, "repoFormError");
    QTest::mouseClick(child<QPushButton>(second, "repoSubmitButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        secondAlive.isNull() || !nameError->isHidden() || !formError->isHidden(), kWaitMs);
    QVERIFY2(!secondAlive.isNull(), "the server accepted a second repository with the same name");
    const QString shown = nameError->text() + formError->text();
    QVERIFY2(shown.contains("exist", Qt::CaseInsensitive) || shown.contains("ALREADY_EXISTS"),
             qPrintable(shown));
}

void TestStudioGui::submitSpecWatchEventsAndCancel()
{
    auto session = m_fixture.open("engineer", "erin");
    MainWindow& window = *session->window;
    const auto repo = StudioFixture::registerRepository(*session->client, "submit-repo",
                                                        m_fixture.makeBareRepo("submit-repo"));
    QVERIFY(!repo.id().empty());
    window.repositoriesPanel()->refresh();
    window.showPage(MainWindow::NewFeaturePage);
    auto* panel = window.newFeaturePanel();
    QTest::keyClicks(child<QLineEdit>(panel, "featureTitleEdit"), "Add a health endpoint");
    selectRepository(child<QComboBox>(panel, "featureRepositoryCombo"), "submit-repo");
    auto* description = child<editor::MarkdownEditor>(panel, "featureDescriptionEditor");
    QVERIFY(description);
    description->setText("## Goal\n\nServe `GET /health` returning **200** with a JSON body.");
    auto* preview = panel->findChild<QWidget*>("featureDescriptionPreview");
    QVERIFY(preview);
    QTest::mouseClick(child<QPushButton>(panel, "submitFeatureButton"), Qt::LeftButton);

    QTRY_COMPARE_WITH_TIMEOUT(window.currentPage(), MainWindow::ExecutionPage, kWaitMs);
    auto* execution = window.executionPanel();
    QTRY_VERIFY_WITH_TIMEOUT(hasEventType(execution->timeline(), "feature.created"), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(execution, "streamState")->text().contains("live"),
                             kWaitMs);
    auto* state = child<QLabel>(execution, "executionState");
    QTRY_VERIFY_WITH_TIMEOUT(!state->text().isEmpty(), kWaitMs);
    QCOMPARE(QString::fromStdString(execution->execution().spec().title()),
             QStringLiteral("Add a health endpoint"));

    // Without an LLM configured the pipeline fails the execution by itself; while
    // it still runs, cancel it. Either way the screen must reach the end state.
    auto* cancel = child<QPushButton>(execution, "cancelExecutionButton");
    if (cancel->isEnabled()) {
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(confirm(execution, "cancelExecutionConfirm"));
    }
    const QStringList endStates = {"Cancelled", "Failed", "Completed"};
    QTRY_VERIFY_WITH_TIMEOUT(endStates.contains(state->text()), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(hasEventType(execution->timeline(), "feature.cancelled") ||
                                 hasEventType(execution->timeline(), "feature.failed") ||
                                 hasEventType(execution->timeline(), "feature.completed"),
                             kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!cancel->isEnabled(), kWaitMs);
    const auto finalState = execution->execution().state();
    const QString endedId = execution->executionId();

    // The list shows the new state too.
    window.showPage(MainWindow::ExecutionsPage);
    auto* list = window.executionsPanel()->model();
    QTRY_VERIFY_WITH_TIMEOUT(list->rowOf(execution->executionId()) >= 0, kWaitMs);
    const int row = list->rowOf(execution->executionId());
    QTRY_COMPARE_WITH_TIMEOUT(
        list->index(row, 0).data(models::ExecutionListModel::StateRole).toInt(),
        static_cast<int>(finalState), kWaitMs);

    // Retry: a new execution of the same spec opens; the old log records it.
    if (finalState == fv1::FEATURE_STATE_COMPLETED)
        return;
    window.openExecution(endedId);
    auto* retry = child<QPushButton>(execution, "retryExecutionButton");
    QTRY_VERIFY_WITH_TIMEOUT(retry->isEnabled(), kWaitMs);
    QTest::mouseClick(retry, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(execution->executionId() != endedId, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(QString::fromStdString(execution->execution().spec().title()),
                              QStringLiteral("Add a health endpoint"), kWaitMs);
}

void TestStudioGui::serverFieldErrorsAppearNextToFields()
{
    auto session = m_fixture.open("engineer", "ed");
    MainWindow& window = *session->window;
    const auto repo = StudioFixture::registerRepository(*session->client, "doomed-repo",
                                                        m_fixture.makeBareRepo("doomed-repo"));
    QVERIFY(!repo.id().empty());
    window.repositoriesPanel()->refresh();
    window.showPage(MainWindow::NewFeaturePage);
    auto* panel = window.newFeaturePanel();
    selectRepository(child<QComboBox>(panel, "featureRepositoryCombo"), "doomed-repo");
    // Deleted behind the Studio's back: only the server can know.
    QVERIFY(StudioFixture::deleteRepository(*session->client, repo.id()));
    QTest::keyClicks(child<QLineEdit>(panel, "featureTitleEdit"), "Too late");
    child<editor::MarkdownEditor>(panel, "featureDescriptionEditor")
        ->setText("A description long enough for the rule.");
    QTest::mouseClick(child<QPushButton>(panel, "submitFeatureButton"), Qt::LeftButton);
    auto* repositoryError = child<QLabel>(panel, "featureRepositoryError");
    QTRY_VERIFY_WITH_TIMEOUT(!repositoryError->isHidden(), kWaitMs);
    QVERIFY(!repositoryError->text().isEmpty());
    QCOMPARE(window.currentPage(), MainWindow::NewFeaturePage);

    // Client-side rules too: a timeout below the minimum is flagged before sending.
    auto* timeout = panel->findChild<QWidget*>("timeoutSpin");
    QVERIFY(timeout);
    timeout->setProperty("value", 2);
    QTRY_VERIFY_WITH_TIMEOUT(!child<QLabel>(panel, "timeoutError")->isHidden(), kWaitMs);
}

void TestStudioGui::localizationPreviewRanksFiles()
{
    auto session = m_fixture.open("engineer", "localizer");
    MainWindow& window = *session->window;
    const auto repo = StudioFixture::registerRepository(*session->client, "ranked-repo",
                                                        m_fixture.makeBareRepo("ranked-repo"));
    QVERIFY(!repo.id().empty());
    window.repositoriesPanel()->refresh();
    window.showPage(MainWindow::NewFeaturePage);
    auto* panel = window.newFeaturePanel();
    selectRepository(child<QComboBox>(panel, "featureRepositoryCombo"), "ranked-repo");
    QTest::keyClicks(child<QLineEdit>(panel, "featureTitleEdit"), "Rewrite the fixture README");
    child<editor::MarkdownEditor>(panel, "featureDescriptionEditor")
        ->setText("The README of the fixture should explain what the fixture is for.");
    auto* status = child<QLabel>(panel, "localizationPreviewStatus");
    auto* button = child<QPushButton>(panel, "localizationPreviewButton");
    QTRY_VERIFY_WITH_TIMEOUT(!status->text().contains("Checking"), kWaitMs);
    // This build's builderd offers the preview (AnalysisService.Localize).
    QVERIFY2(!status->text().contains("not offered"), qPrintable(status->text()));
    QCOMPARE(button->text(), QStringLiteral("Preview files"));
    QTest::mouseClick(button, Qt::LeftButton);
    auto* files = child<QListWidget>(panel, "localizationPreviewFiles");
    QTRY_VERIFY_WITH_TIMEOUT(files->count() > 0, kWaitMs);
    QVERIFY2(files->item(0)->data(Qt::UserRole).toString() == QStringLiteral("README.md"),
             qPrintable(files->item(0)->text()));
    QVERIFY(status->text().contains("match"));
}

void TestStudioGui::reviewerApprovesDiff()
{
    // A builderd whose pipeline brings the demo feature to review, offline.
    StudioFixture demo(true);
    QVERIFY2(demo.start(), qPrintable(demo.errorString()));
    auto engineer = demo.open("engineer", "author");
    const auto repo =
        StudioFixture::registerRepository(*engineer->client, "textstats", demo.makeSampleRepo());
    QVERIFY(!repo.id().empty());
    const auto created = StudioFixture::createDemoFeature(*engineer->client, repo.id());
    QVERIFY(!created.id().empty());
    const QString id = QString::fromStdString(created.id());

    auto reviewer = demo.open("reviewer", "rita");
    MainWindow& window = *reviewer->window;
    auto* diff = window.diffPanel();

    // A server with the review pipeline: wait for AWAITING_REVIEW, review, approve.
    window.openExecution(id);
    auto* state = child<QLabel>(window.executionPanel(), "executionState");
    const QStringList settled = {"Awaiting review", "Failed", "Cancelled", "Completed"};
    QTRY_VERIFY_WITH_TIMEOUT(settled.contains(state->text()), 120000);
    QCOMPARE(state->text(), QStringLiteral("Awaiting review"));
    window.openDiff(id);
    QTRY_VERIFY_WITH_TIMEOUT(diff->document() != nullptr, kWaitMs);
    QVERIFY(!diff->document()->files().empty());
    QVERIFY(diff->diffView()->file() != nullptr);
    auto* approve = child<QPushButton>(diff, "approveButton");
    QTRY_VERIFY_WITH_TIMEOUT(approve->isEnabled(), kWaitMs);
    QTest::keyClicks(child<QLineEdit>(diff, "reviewSummaryEdit"), "Looks good");
    QTest::mouseClick(approve, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(diff, "diffSummary")->text().contains("Decision"),
                             kWaitMs);
    window.openExecution(id);
    QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(window.executionPanel(), "executionState")->text(),
                              QStringLiteral("Completed"), 120000);
}

void TestStudioGui::engineerCannotSeeOrUseKillSwitch()
{
    auto session = m_fixture.open("engineer", "eve");
    MainWindow& window = *session->window;
    QVERIFY(window.adminPanel() == nullptr);
    QVERIFY(window.findChild<views::KillSwitchTab*>() == nullptr);
    auto* nav = child<QListWidget>(&window, "navigation");
    QVERIFY(nav);
    for (int row = 0; row < nav->count(); ++row)
        QVERIFY(nav->item(row)->text() != QStringLiteral("Admin"));
    window.showPage(MainWindow::AdminPage); // the shortcut's way in is closed too
    QVERIFY(window.currentPage() != MainWindow::AdminPage);

    // And the server refuses the call itself, whatever the client shows.
    QObject guard;
    bool done = false;
    common::Error error;
    feature::admin::v1::SetKillSwitchRequest request;
    request.set_scope(feature::admin::v1::KILL_SWITCH_SCOPE_GLOBAL);
    request.set_engaged(true);
    request.set_reason("trying");
    session->client->admin().setKillSwitch(
        request, &guard, [&](common::Result<feature::admin::v1::KillSwitchState> result) {
            if (!result.ok())
                error = result.error();
            done = true;
        });
    QTRY_VERIFY_WITH_TIMEOUT(done, kWaitMs);
    QCOMPARE(error.code(), common::StatusCode::PermissionDenied);
}

void TestStudioGui::adminTogglesKillSwitch()
{
    auto session = m_fixture.open("admin");
    MainWindow& window = *session->window;
    QVERIFY(window.adminPanel() != nullptr);
    window.showPage(MainWindow::AdminPage);
    QCOMPARE(window.currentPage(), MainWindow::AdminPage);
    auto* tab = window.adminPanel()->killSwitch();
    auto* state = child<QLabel>(tab, "globalKillSwitchState");
    auto* error = child<QLabel>(tab, "killSwitchError");
    QTRY_VERIFY_WITH_TIMEOUT(
        !error->text().isEmpty() || state->text() != QStringLiteral("State unknown"), kWaitMs);
    if (error->text().contains("UNIMPLEMENTED")) {
        QVERIFY(error->text().contains("AdminService.GetKillSwitch"));
        QSKIP("AdminService.GetKillSwitch answered UNIMPLEMENTED");
    }
    const bool wasEngaged = tab->globalEngaged();
    QTest::keyClicks(child<QLineEdit>(tab, "killSwitchReasonEdit"), "GUI test");
    QTest::mouseClick(child<QPushButton>(tab, "globalKillSwitchButton"), Qt::LeftButton);
    QVERIFY(confirm(tab, "killSwitchConfirm"));
    QTRY_COMPARE_WITH_TIMEOUT(tab->globalEngaged(), !wasEngaged, kWaitMs);
    QVERIFY(state->text().contains(wasEngaged ? "Released" : "ENGAGED"));
    // The change is in the history, with its reason.
    auto* history = child<QTableView>(tab, "killSwitchHistory");
    QTRY_VERIFY_WITH_TIMEOUT(history->model()->rowCount() > 0, kWaitMs);

    // Engaged, it stops new work: Create is refused while it holds.
    if (!wasEngaged) {
        const auto repo = StudioFixture::registerRepository(*session->client, "halted-repo",
                                                            m_fixture.makeBareRepo("halted-repo"));
        const auto refused =
            StudioFixture::createFeature(*session->client, repo.id(), "Refused while halted");
        QVERIFY(refused.id().empty());
    }
    // Put it back for the tests after this one.
    QTest::mouseClick(child<QPushButton>(tab, "globalKillSwitchButton"), Qt::LeftButton);
    QVERIFY(confirm(tab, "killSwitchConfirm"));
    QTRY_COMPARE_WITH_TIMEOUT(tab->globalEngaged(), wasEngaged, kWaitMs);
}

void TestStudioGui::diffReviewNavigatesAndCollectsComments()
{
    auto engineer = m_fixture.open("engineer", "writer");
    const auto repo = StudioFixture::registerRepository(*engineer->client, "nav-repo",
                                                        m_fixture.makeBareRepo("nav-repo"));
    const auto created = StudioFixture::createFeature(*engineer->client, repo.id(), "Navigate me");
    QVERIFY(!created.id().empty());
    auto reviewer = m_fixture.open("reviewer", "rosa");
    MainWindow& window = *reviewer->window;
    window.openDiff(QString::fromStdString(created.id()));
    auto* diff = window.diffPanel();
    QSignalSpy shown(diff, &views::DiffReviewPanel::documentShown);
    diff->showDiff(StudioFixture::sampleDiff()); // the server cannot produce one yet
    QVERIFY(shown.wait(kWaitMs));
    QCOMPARE(shown.first().first().toInt(), 3);
    auto* tree = child<QTreeView>(diff, "diffFileTree");
    QVERIFY(tree);
    const QModelIndex src = tree->model()->index(1, 0); // folders: config, src
    QCOMPARE(src.data().toString(), QStringLiteral("src"));
    QCOMPARE(tree->model()->index(1, models::DiffFileTreeModel::AddedColumn).data().toString(),
             QStringLiteral("+4"));
    auto* fileLabel = child<QLabel>(diff, "diffFileLabel");
    QVERIFY(fileLabel->text().contains("(1 of 3)"));

    // Keyboard: next file, next finding across files, back.
    window.activateWindow();
    diff->diffView()->setFocus();
    QTRY_VERIFY_WITH_TIMEOUT(diff->isAncestorOf(QApplication::focusWidget()), kWaitMs);
    const int start = diff->currentFile();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_PageDown, Qt::AltModifier);
    QTRY_COMPARE_WITH_TIMEOUT(diff->currentFile(), start + 1, kWaitMs);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_PageUp, Qt::AltModifier);
    QTRY_COMPARE_WITH_TIMEOUT(diff->currentFile(), start, kWaitMs);
    QSet<int> filesWithFindings;
    for (int i = 0; i < 4; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F8);
        filesWithFindings.insert(diff->currentFile());
    }
    QCOMPARE(filesWithFindings.size(), 2); // both files with findings were visited
    // Hunks: from the first file's top, Alt+Down twice reaches its second hunk, then the next file.
    QTest::mouseClick(child<QPushButton>(diff, "previousFileButton"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>(diff, "previousFileButton"), Qt::LeftButton);
    QCOMPARE(diff->currentFile(), 0);

    QTest::mouseClick(child<QPushButton>(diff, "sideBySideModeButton"), Qt::LeftButton);
    QCOMPARE(diff->diffView()->mode(), diff::DiffView::Mode::SideBySide);
    QVERIFY(diff->findChild<QWidget*>("oldSideText") && diff->findChild<QWidget*>("newSideText"));
    QTest::mouseClick(child<QPushButton>(diff, "unifiedModeButton"), Qt::LeftButton);
    QCOMPARE(diff->diffView()->mode(), diff::DiffView::Mode::Unified);

    // A comment on a line (what a double-click asks for), then Request changes.
    const int file = diff->currentFile();
    emit diff->diffView()->commentRequested(1, diff::DiffDocument::Side::New);
    QDialog* editor = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((editor = child<QDialog>(diff, "commentEditor")) != nullptr, kWaitMs);
    QTest::keyClicks(child<QPlainTextEdit>(editor, "commentBodyEdit"), "Please explain this.");
    QTest::mouseClick(child<QPushButton>(editor, "commentAddButton"), Qt::LeftButton);
    const auto& comments = diff->document()->files()[static_cast<std::size_t>(file)].comments;
    QTRY_VERIFY_WITH_TIMEOUT(
        std::any_of(comments.begin(), comments.end(), [](const auto& c) { return c.pending; }),
        kWaitMs);
    auto* error = child<QLabel>(diff, "diffError");
    QTest::mouseClick(child<QPushButton>(diff, "rejectButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(error->text().contains("reason"), kWaitMs); // no reason given
    QTest::mouseClick(child<QPushButton>(diff, "requestChangesButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(error->text().contains("ReviewService.RequestChanges"), kWaitMs);
    QVERIFY2(error->text().contains("UNIMPLEMENTED") || error->text().contains("answered"),
             qPrintable(error->text()));
}

void TestStudioGui::executionScreenDigestsPipelineEvents()
{
    auto session = m_fixture.open("engineer", "watcher");
    const auto repo = StudioFixture::registerRepository(*session->client, "digest-repo",
                                                        m_fixture.makeBareRepo("digest-repo"));
    const auto created = StudioFixture::createFeature(*session->client, repo.id(), "Digest");
    session->window->openExecution(QString::fromStdString(created.id()));
    auto* execution = session->window->executionPanel();
    QTRY_VERIFY_WITH_TIMEOUT(execution->timeline()->rowCount() > 0, kWaitMs);
    // Events as the pipeline will send them (this server does not run one yet).
    auto event = [](quint64 sequence, const char* type, const char* json) {
        fv1::FeatureEvent e;
        e.set_sequence_number(sequence);
        e.set_type(type);
        e.set_summary(type);
        google::protobuf::util::JsonStringToMessage(json, e.mutable_payload());
        return e;
    };
    const quint64 next = execution->timeline()->lastSequence() + 1000;
    execution->acceptEvents(
        {event(
             next, "llm.call",
             R"({"provider":"anthropic","model":"claude","tokens_in":1000,"tokens_out":200,"cost_usd":0.012})"),
         event(
             next + 1, "llm.call",
             R"({"provider":"openai","model":"gpt","input_tokens":10,"output_tokens":5,"cost":0.001})"),
         event(next + 2, "sandbox.output", R"({"data":"\u001b[32mok\u001b[0m Linking server\n"})"),
         event(next + 3, "sandbox.output", R"({"data":"boom\n","stream":"stderr"})")});
    auto* usage = child<QTableView>(execution, "usageTable");
    QCOMPARE(usage->model()->rowCount(), 3); // two models and the total
    QVERIFY2(child<QLabel>(execution, "executionCost")->text().contains("0.0130"),
             qPrintable(child<QLabel>(execution, "executionCost")->text()));
    auto* output = child<QPlainTextEdit>(execution, "sandboxOutput");
    QVERIFY(output->toPlainText().contains("ok Linking server"));
    QVERIFY(!output->toPlainText().contains(QChar(0x1b)));
    QVERIFY(output->toPlainText().contains("boom"));
    // A replayed event (same sequence) is shown once.
    const int rows = execution->timeline()->rowCount();
    execution->acceptEvents({event(next + 3, "sandbox.output", R"({"data":"boom\n"})")});
    QCOMPARE(execution->timeline()->rowCount(), rows);
}

void TestStudioGui::adminManagesTokensAndShowsUnimplementedLists()
{
    auto session = m_fixture.open("admin");
    MainWindow& window = *session->window;
    window.showPage(MainWindow::AdminPage); // loads the lists on first sight
    auto* admin = window.adminPanel();
    auto* tokens = child<QTableView>(admin, "tokenTable");
    QTRY_VERIFY_WITH_TIMEOUT(tokens->model()->rowCount() >= 1, kWaitMs); // the local admin token
    const int before = tokens->model()->rowCount();
    QTest::keyClicks(child<QLineEdit>(admin, "tokenUserEdit"), "ci-bot");
    QTest::mouseClick(child<QPushButton>(admin, "createTokenButton"), Qt::LeftButton);
    auto* created = child<QLineEdit>(admin, "newTokenField");
    QTRY_VERIFY_WITH_TIMEOUT(!created->text().isEmpty(), kWaitMs);
    QCOMPARE(client::Identity::fromToken(created->text()).user(), QStringLiteral("ci-bot"));
    QTRY_COMPARE_WITH_TIMEOUT(tokens->model()->rowCount(), before + 1, kWaitMs);
    int row = -1;
    for (int r = 0; r < tokens->model()->rowCount(); ++r)
        if (tokens->model()->index(r, 0).data().toString() == QStringLiteral("ci-bot"))
            row = r;
    QVERIFY(row >= 0);
    tokens->selectRow(row);
    QTest::mouseClick(child<QPushButton>(admin, "revokeTokenButton"), Qt::LeftButton);
    QVERIFY(confirm(admin, "revokeTokenConfirm"));
    QTRY_COMPARE_WITH_TIMEOUT(tokens->model()->rowCount(), before, kWaitMs); // revoked are hidden

    // Lists the server does not serve yet say so, naming the call; no rows are made up.
    auto* audit = child<QLabel>(admin, "auditStatus");
    auto* dead = child<QLabel>(admin, "deadLetterStatus");
    QTRY_VERIFY_WITH_TIMEOUT(!audit->text().isEmpty() && !dead->text().isEmpty(), kWaitMs);
    if (audit->text().contains("UNIMPLEMENTED"))
        QVERIFY(audit->text().contains("AdminService.ListAudit"));
    if (dead->text().contains("UNIMPLEMENTED")) {
        QVERIFY(dead->text().contains("AdminService.ListDeadLetters"));
        QCOMPARE(child<QTableView>(admin, "deadLetterTable")->model()->rowCount(), 0);
    }
}

void TestStudioGui::trayNotifiesOnlyOnChangesIntoEndStates_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::addColumn<QString>("message");
    QTest::addRow("completes") << int(fv1::FEATURE_STATE_VERIFYING)
                               << int(fv1::FEATURE_STATE_COMPLETED) << "Feature completed: T";
    QTest::addRow("fails") << int(fv1::FEATURE_STATE_EXECUTING) << int(fv1::FEATURE_STATE_FAILED)
                           << "Feature failed: T";
    QTest::addRow("awaits review")
        << int(fv1::FEATURE_STATE_VERIFYING) << int(fv1::FEATURE_STATE_AWAITING_REVIEW)
        << "Feature awaits review: T";
    QTest::addRow("progress is quiet")
        << int(fv1::FEATURE_STATE_PENDING) << int(fv1::FEATURE_STATE_PLANNING) << "";
    QTest::addRow("cancel is quiet")
        << int(fv1::FEATURE_STATE_PENDING) << int(fv1::FEATURE_STATE_CANCELLED) << "";
    QTest::addRow("no change is quiet")
        << int(fv1::FEATURE_STATE_FAILED) << int(fv1::FEATURE_STATE_FAILED) << "";
}

void TestStudioGui::trayNotifiesOnlyOnChangesIntoEndStates()
{
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(QString, message);
    views::TrayNotifier notifier;
    fv1::FeatureExecution execution;
    execution.set_id("e-1");
    execution.mutable_spec()->set_title("T");
    execution.set_state(static_cast<fv1::FeatureState>(from));
    QCOMPARE(notifier.observe(execution), QString()); // first sight is never news
    execution.set_state(static_cast<fv1::FeatureState>(to));
    QCOMPARE(notifier.observe(execution), message);
}

void TestStudioGui::draftSurvivesARestart()
{
    const QString cachePath = m_fixture.scratch() + "/draft-cache.sqlite";
    {
        auto session = m_fixture.open("engineer", "drafter", cachePath);
        auto* panel = session->window->newFeaturePanel();
        QTest::keyClicks(child<QLineEdit>(panel, "featureTitleEdit"), "Half-written idea");
        child<editor::MarkdownEditor>(panel, "featureDescriptionEditor")
            ->setText("Not finished yet, but kept.");
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(panel, "draftStatus")->text().contains("saved"),
                                 kWaitMs);
        QObject guard;
        bool written = false;
        session->cache->flush(&guard, [&] { written = true; });
        QTRY_VERIFY_WITH_TIMEOUT(written, kWaitMs);
    } // the Studio closes
    auto session = m_fixture.open("engineer", "drafter", cachePath);
    auto* panel = session->window->newFeaturePanel();
    QTRY_COMPARE_WITH_TIMEOUT(child<QLineEdit>(panel, "featureTitleEdit")->text(),
                              QStringLiteral("Half-written idea"), kWaitMs);
    QCOMPARE(child<editor::MarkdownEditor>(panel, "featureDescriptionEditor")->text(),
             QStringLiteral("Not finished yet, but kept."));
    QTest::mouseClick(child<QPushButton>(panel, "discardDraftButton"), Qt::LeftButton);
    QVERIFY(child<QLineEdit>(panel, "featureTitleEdit")->text().isEmpty());
}

void TestStudioGui::offlineBannerAndCachedExecutions()
{
    StudioFixture own; // this test stops its server
    QVERIFY2(own.start(), qPrintable(own.errorString()));
    auto session = own.open("admin");
    MainWindow& window = *session->window;
    const auto repo =
        StudioFixture::registerRepository(*session->client, "cached", own.makeBareRepo("cached"));
    const auto execution =
        StudioFixture::createFeature(*session->client, repo.id(), "Kept offline");
    QVERIFY(!execution.id().empty());
    window.executionsPanel()->reload();
    window.showPage(MainWindow::ExecutionsPage);
    auto* list = window.executionsPanel()->model();
    QTRY_VERIFY_WITH_TIMEOUT(list->rowOf(QString::fromStdString(execution.id())) >= 0, kWaitMs);
    window.openExecution(QString::fromStdString(execution.id())); // caches its events
    QTRY_VERIFY_WITH_TIMEOUT(hasEventType(window.executionPanel()->timeline(), "feature.created"),
                             kWaitMs);
    window.showPage(MainWindow::ExecutionsPage);
    auto* banner = window.findChild<QWidget*>("offlineBanner");
    QVERIFY(banner && banner->isHidden());

    own.builderd().stop();
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isHidden(), kWaitMs);
    QVERIFY(child<QLabel>(banner, "offlineBannerText")->text().contains("Offline"));
    window.executionsPanel()->reload(); // the server is gone: the cache answers
    QTRY_VERIFY_WITH_TIMEOUT(
        child<QLabel>(window.executionsPanel(), "executionCount")->text().contains("cached"),
        kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(list->rowOf(QString::fromStdString(execution.id())) >= 0, kWaitMs);
    window.openExecution(QString::fromStdString(execution.id()));
    QTRY_VERIFY_WITH_TIMEOUT(hasEventType(window.executionPanel()->timeline(), "feature.created"),
                             kWaitMs);
}

QTEST_MAIN(TestStudioGui)
#include "test_studio_gui.moc"
