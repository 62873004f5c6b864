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

#include <google/protobuf/util/json_util.h>

using namespace builder;
using namespace builder::guitest;
using views::MainWindow;
namespace fv1 = feature::feature::v1;
namespace rv1 = feature::review::v1;

namespace {

constexpr int kWaitMs = 20000;

fv1::FeatureEvent recorded(quint64 sequence, const char* type, const char* summary,
                           const std::string& payloadJson)
{
    fv1::FeatureEvent event;
    event.set_sequence_number(sequence);
    event.set_type(type);
    event.set_summary(summary);
    event.mutable_timestamp()->set_seconds(QDateTime::currentSecsSinceEpoch());
    google::protobuf::util::JsonStringToMessage(payloadJson, event.mutable_payload());
    return event;
}

} // namespace

class TestStudioScreenshots : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void screens();

private:
    bool save(QWidget* window, const QString& name);
    StudioFixture m_fixture;
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
    window.repositoriesPanel()->refresh();
    auto* table = child<QTableView>(&window, "repositoryTable");
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 3, kWaitMs);
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

    QString lastId;
    const char* titles[] = {"Add a health endpoint", "Rate-limit the login route",
                            "Migrate settings to TOML", "Fix flaky upload test",
                            "Document the deploy script"};
    auto* repositories = child<QTableView>(&window, "repositoryTable")->model();
    const std::string firstRepo =
        repositories->index(0, 0).data(Qt::UserRole + 1).toString().toStdString();
    for (const char* title : titles) {
        const auto created = StudioFixture::createFeature(*session->client, firstRepo, title);
        QVERIFY(!created.id().empty());
        lastId = QString::fromStdString(created.id());
    }
    window.executionsPanel()->reload();
    window.showPage(MainWindow::ExecutionsPage);
    QTRY_COMPARE_WITH_TIMEOUT(window.executionsPanel()->model()->rowCount(), 5, kWaitMs);
    QVERIFY(save(&window, "03-executions"));

    window.openExecution(lastId);
    auto* execution = window.executionPanel();
    QTRY_VERIFY_WITH_TIMEOUT(execution->timeline()->rowCount() > 0, kWaitMs);
    QVERIFY(save(&window, "04-execution-timeline"));
    // Recorded pipeline events (the server does not run the pipeline yet).
    const quint64 next = execution->timeline()->lastSequence() + 1;
    execution->acceptEvents(
        {recorded(
             next, "llm.call", "NormalizeSpec via anthropic",
             R"({"provider":"anthropic","model":"claude-sonnet","tokens_in":1840,"tokens_out":312,"cost_usd":0.0102})"),
         recorded(
             next + 1, "sandbox.output", "build output",
             R"({"data":"\u001b[1m[1/3]\u001b[0m Building CXX object HealthHandler.cpp.o\n\u001b[32m[2/3]\u001b[0m Linking server\n\u001b[31mwarning:\u001b[0m unused variable 'request'\n"})"),
         recorded(
             next + 2, "llm.call", "GenerateCode step 1",
             R"({"provider":"anthropic","model":"claude-sonnet","tokens_in":5230,"tokens_out":1490,"cost_usd":0.0381})"),
         recorded(
             next + 3, "sandbox.output", "tests",
             R"({"data":"\u001b[32mPASSED\u001b[0m tests/test_health.py::test_health\n\u001b[1;32m1 passed\u001b[0m in 0.12s\n"})")});
    auto* tabs = child<QTabWidget>(execution, "executionTabs");
    tabs->setCurrentIndex(2);
    QVERIFY(save(&window, "05-execution-output"));
    tabs->setCurrentIndex(3);
    QVERIFY(save(&window, "06-execution-usage"));
    tabs->setCurrentIndex(0);

    window.openDiff(lastId);
    auto* diff = window.diffPanel();
    QTRY_VERIFY_WITH_TIMEOUT(!child<QLabel>(diff, "diffError")->isHidden(), kWaitMs);
    QVERIFY(save(&window, "07-diff-server-answer"));
    diff->showDiff(StudioFixture::sampleDiff());
    QTRY_VERIFY_WITH_TIMEOUT(diff->document() != nullptr, kWaitMs);
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
    diff->showDiff(StudioFixture::sampleDiff());
    QTRY_VERIFY_WITH_TIMEOUT(diff->document() != nullptr, kWaitMs);
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
        QTRY_VERIFY_WITH_TIMEOUT(localized->window->executionsPanel()->model()->rowCount() >= 5,
                                 kWaitMs);
        QVERIFY(save(localized->window.get(), shot.file));
        QCoreApplication::removeTranslator(&translator);
    }
    qInfo("screenshots in %s", qPrintable(m_out.absolutePath()));
}

QTEST_MAIN(TestStudioScreenshots)
#include "test_studio_screenshots.moc"
