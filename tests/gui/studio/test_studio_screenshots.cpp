// Saves a PNG of each main screen into <build>/studio-screenshots/ so a person
// can look at what users see. Real data from a real builderd where the server
// has it; the execution output/usage and the diff views are fed recorded
// events and a recorded diff (the server cannot produce them yet).
#include "StudioFixture.h"

#include "editor/MarkdownEditor.h"
#include "models/EventTimelineModel.h"
#include "models/ExecutionListModel.h"
#include "views/AdminPanel.h"
#include "views/DiffReviewPanel.h"
#include "views/ExecutionPanel.h"
#include "views/ExecutionsPanel.h"
#include "views/NewFeaturePanel.h"
#include "views/RepositoriesPanel.h"
#include "views/ThemeManager.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTranslator>
#include <QtTest>

using namespace builder;
using namespace builder::guitest;
using views::MainWindow;
namespace fv1 = feature::feature::v1;
namespace rv1 = feature::review::v1;

namespace {

constexpr int kWaitMs = 20000;

} // namespace

class TestStudioScreenshots : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void screens();

private:
    bool save(QWidget* window, const QString& name);
    // The pipeline runs, replaying the demo's cassette: the screens show a real
    // execution of the demo feature on the sample repository.
    StudioFixture m_fixture{true};
    QDir m_out;
};

void TestStudioScreenshots::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_fixture.start(), qPrintable(m_fixture.errorString()));
    m_out.setPath(qEnvironmentVariable("BUILDER_TEST_BINARY_DIR", QDir::currentPath()) +
                  "/studio-screenshots");
    QVERIFY(m_out.mkpath("."));
}

bool TestStudioScreenshots::save(QWidget* window, const QString& name)
{
    QCoreApplication::processEvents();
    const QImage image = window->grab().toImage();
    return !image.isNull() && image.save(m_out.filePath(name + ".png"));
}

void TestStudioScreenshots::screens()
{
    views::ThemeManager theme;
    theme.apply(views::StudioSettings::Theme::Light);
    auto session = m_fixture.open("admin");
    MainWindow& window = *session->window;
    window.resize(1280, 800);
    for (const char* name : {"payments-service", "web-frontend", "infra-scripts"})
        QVERIFY(
            !StudioFixture::registerRepository(*session->client, name, m_fixture.makeBareRepo(name))
                 .id()
                 .empty());
    const auto sample = StudioFixture::registerRepository(*session->client, "textstats",
                                                          m_fixture.makeSampleRepo());
    QVERIFY(!sample.id().empty());
    window.repositoriesPanel()->refresh();
    auto* table = child<QTableView>(&window, "repositoryTable");
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 4, kWaitMs);
    window.showPage(MainWindow::RepositoriesPage);
    QVERIFY(save(&window, "01-repositories"));

    auto* panel = window.newFeaturePanel();
    window.showPage(MainWindow::NewFeaturePage);
    QTest::keyClicks(child<QLineEdit>(panel, "featureTitleEdit"), "Add a health endpoint");
    child<editor::MarkdownEditor>(panel, "featureDescriptionEditor")
        ->setText("## Goal\n\nServe `GET /health` with **200** and a JSON body.\n\n"
                  "- report the build version\n- no authentication\n\n"
                  "> Keep the handler small.\n");
    QTRY_VERIFY_WITH_TIMEOUT(
        !child<QLabel>(panel, "localizationPreviewStatus")->text().contains("Checking"), kWaitMs);
    auto* preview = child<QTextBrowser>(panel, "featureDescriptionPreview");
    QTRY_VERIFY_WITH_TIMEOUT(preview->toPlainText().contains("Goal"), kWaitMs);
    auto* previewButton = child<QPushButton>(panel, "localizationPreviewButton");
    if (previewButton->text() == QStringLiteral("Preview files")) {
        QTest::mouseClick(previewButton, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            child<QLabel>(panel, "localizationPreviewStatus")->text().contains("match"), kWaitMs);
    }
    QVERIFY(save(&window, "02-new-feature"));

    // Other features on a repository without recorded answers end FAILED (the
    // cassette has none for them); the demo feature on textstats reaches review.
    QString failedId;
    auto* repositories = child<QTableView>(&window, "repositoryTable")->model();
    std::string otherRepo;
    for (int row = 0; row < repositories->rowCount(); ++row)
        if (repositories->index(row, 0).data().toString() == QStringLiteral("payments-service"))
            otherRepo = repositories->index(row, 0).data(Qt::UserRole + 1).toString().toStdString();
    QVERIFY(!otherRepo.empty());
    for (const char* title : {"Rate-limit the login route", "Migrate settings to TOML"}) {
        const auto created = StudioFixture::createFeature(*session->client, otherRepo, title);
        QVERIFY(!created.id().empty());
        failedId = QString::fromStdString(created.id());
    }
    const auto demo = StudioFixture::createDemoFeature(*session->client, sample.id());
    QVERIFY(!demo.id().empty());
    const QString lastId = QString::fromStdString(demo.id());
    window.openExecution(lastId);
    auto* execution = window.executionPanel();
    QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(execution, "executionState")->text(),
                              QStringLiteral("Awaiting review"), 120000);
    window.executionsPanel()->reload();
    window.showPage(MainWindow::ExecutionsPage);
    QTRY_COMPARE_WITH_TIMEOUT(window.executionsPanel()->model()->rowCount(), 3, kWaitMs);
    QVERIFY(save(&window, "03-executions"));

    window.openExecution(lastId);
    QTRY_VERIFY_WITH_TIMEOUT(execution->timeline()->rowCount() > 20, kWaitMs);
    QVERIFY(save(&window, "04-execution-timeline"));
    auto* tabs = child<QTabWidget>(execution, "executionTabs");
    tabs->setCurrentIndex(2);
    QVERIFY(save(&window, "05-execution-output"));
    tabs->setCurrentIndex(3);
    QVERIFY(save(&window, "06-execution-usage"));
    tabs->setCurrentIndex(0);

    // A failed execution's diff: what the server answers, shown as it is.
    window.openDiff(failedId);
    auto* diff = window.diffPanel();
    QTRY_VERIFY_WITH_TIMEOUT(
        !child<QLabel>(diff, "diffError")->isHidden() || diff->document() != nullptr, kWaitMs);
    QVERIFY(save(&window, "07-diff-server-answer"));
    window.openDiff(lastId);
    QTRY_VERIFY_WITH_TIMEOUT(diff->document() != nullptr && !diff->document()->files().empty(),
                             kWaitMs);
    QVERIFY(save(&window, "08-diff-unified"));
    QTest::mouseClick(child<QPushButton>(diff, "sideBySideModeButton"), Qt::LeftButton);
    QVERIFY(save(&window, "09-diff-side-by-side"));

    window.showPage(MainWindow::AdminPage);
    window.adminPanel()->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(
        !child<QLabel>(window.adminPanel(), "killSwitchError")->text().isEmpty() ||
            child<QLabel>(window.adminPanel(), "globalKillSwitchState")->text() !=
                QStringLiteral("State unknown"),
        kWaitMs);
    QVERIFY(save(&window, "10-admin-kill-switch"));
    child<QTabWidget>(window.adminPanel(), "adminTabs")->setCurrentIndex(3);
    QTRY_VERIFY_WITH_TIMEOUT(
        child<QTableView>(window.adminPanel(), "tokenTable")->model()->rowCount() > 0, kWaitMs);
    QVERIFY(save(&window, "11-admin-tokens"));

    theme.apply(views::StudioSettings::Theme::Dark);
    window.showPage(MainWindow::ExecutionsPage);
    QVERIFY(save(&window, "12-executions-dark"));
    window.openDiff(lastId);
    QTRY_VERIFY_WITH_TIMEOUT(diff->document() != nullptr && !diff->document()->files().empty(),
                             kWaitMs);
    QVERIFY(save(&window, "13-diff-dark"));
    // The translations lrelease built for builder-studio, in a fresh window each.
    theme.apply(views::StudioSettings::Theme::Light);
    const QString qmDir = qEnvironmentVariable("BUILDER_TEST_BINARY_DIR") + "/app/studio";
    const struct
    {
        const char* language;
        MainWindow::Page page;
        const char* file;
    } translated[] = {{"de", MainWindow::ExecutionsPage, "14-executions-de"},
                      {"fr", MainWindow::NewFeaturePage, "15-new-feature-fr"}};
    for (const auto& shot : translated) {
        QTranslator translator;
        QVERIFY(
            translator.load(QStringLiteral("%1/builder_studio_%2.qm").arg(qmDir, shot.language)));
        QCoreApplication::installTranslator(&translator);
        auto localized = m_fixture.open("admin");
        localized->window->resize(1280, 800);
        localized->window->showPage(shot.page);
        localized->window->executionsPanel()->reload();
        QTRY_VERIFY_WITH_TIMEOUT(localized->window->executionsPanel()->model()->rowCount() >= 3,
                                 kWaitMs);
        QVERIFY(save(localized->window.get(), shot.file));
        QCoreApplication::removeTranslator(&translator);
    }
    qInfo("screenshots in %s", qPrintable(m_out.absolutePath()));
}

QTEST_MAIN(TestStudioScreenshots)
#include "test_studio_screenshots.moc"
