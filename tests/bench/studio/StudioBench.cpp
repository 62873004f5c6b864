#include "StudioBench.h"

#include "cache/OfflineCache.h"
#include "client/BackendClient.h"
#include "diff/DiffView.h"
#include "models/EventTimelineModel.h"
#include "models/ExecutionListModel.h"
#include "support/BuilderdProcess.h"
#include "views/DiffReviewPanel.h"
#include "views/ExecutionPanel.h"
#include "views/MainWindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHeaderView>
#include <QMainWindow>
#include <QPlainTextEdit>
#include <QProcess>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace builder::bench {

namespace fv1 = feature::feature::v1;
namespace rv1 = feature::review::v1;

namespace {

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// Runs the event loop until `done` or the deadline; returns the elapsed ms.
double spinUntil(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

// Ms until the widget's first paint after show().
double firstPaint(QWidget& widget)
{
    struct Watch : QObject
    {
        bool painted = false;
        bool eventFilter(QObject*, QEvent* event) override
        {
            if (event->type() == QEvent::Paint)
                painted = true;
            return false;
        }
    } watch;
    widget.installEventFilter(&watch);
    QElapsedTimer timer;
    timer.start();
    widget.show();
    spinUntil([&] { return watch.painted; }, 10000);
    widget.removeEventFilter(&watch);
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

rv1::GetDiffResponse largeDiff(int lines)
{
    rv1::GetDiffResponse diff;
    diff.set_base_sha("base");
    diff.set_head_sha("head");
    auto* file = diff.add_files();
    file->set_path("src/generated/Big.cpp");
    int oldLine = 1;
    int newLine = 1;
    int produced = 0;
    while (produced < lines) {
        auto* hunk = file->add_hunks();
        hunk->set_old_start(oldLine);
        hunk->set_new_start(newLine);
        for (int i = 0; i < 50 && produced < lines; ++i, ++produced) {
            auto* line = hunk->add_lines();
            const int kind = produced % 5;
            line->set_content("    int value" + std::to_string(produced) + " = compute(" +
                              std::to_string(produced) + "); // keep the compiler busy");
            if (kind == 1) {
                line->set_kind(rv1::LINE_KIND_ADDED);
                line->set_new_line(newLine++);
                file->set_additions(file->additions() + 1);
            } else if (kind == 2) {
                line->set_kind(rv1::LINE_KIND_REMOVED);
                line->set_old_line(oldLine++);
                file->set_deletions(file->deletions() + 1);
            } else {
                line->set_kind(rv1::LINE_KIND_CONTEXT);
                line->set_old_line(oldLine++);
                line->set_new_line(newLine++);
            }
        }
        hunk->set_old_lines(oldLine - hunk->old_start());
        hunk->set_new_lines(newLine - hunk->new_start());
    }
    for (int i = 0; i < 20; ++i) {
        auto* finding = diff.add_findings();
        finding->set_file(file->path());
        finding->set_line(1 + i * 1000);
        finding->set_severity(rv1::SEVERITY_MEDIUM);
        finding->set_message("finding " + std::to_string(i));
    }
    return diff;
}

client::ConnectionSettings unreachable()
{
    client::ConnectionSettings settings;
    settings.mode = client::ConnectionSettings::Mode::Remote;
    settings.grpcAddress = QStringLiteral("127.0.0.1:9"); // discard port: nothing answers
    return settings;
}

} // namespace

void StudioBench::coldStart(int runs)
{
    testing::BuilderdProcess builderd;
    if (!builderd.start()) {
        std::printf("cold start: cannot start builderd: %s\n", qPrintable(builderd.errorString()));
        return;
    }
    QTemporaryDir dir;
    QFile tokenFile(dir.filePath("token"));
    tokenFile.open(QIODevice::WriteOnly);
    tokenFile.write(builderd.adminToken().toUtf8());
    tokenFile.close();
    const QString studio =
        qEnvironmentVariable("BUILDER_TEST_BINARY_DIR") + "/app/studio/builder-studio";
    std::vector<double> wall;
    std::vector<double> inside;
    for (int i = 0; i < runs; ++i) {
        QProcess process;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert("QT_QPA_PLATFORM", "offscreen");
        env.insert("XDG_CONFIG_HOME", dir.filePath("config"));
        env.insert("XDG_DATA_HOME", dir.filePath("data"));
        process.setProcessEnvironment(env);
        QElapsedTimer timer;
        timer.start();
        process.start(studio, {"--server", builderd.grpcAddress(), "--token-file",
                               tokenFile.fileName(), "--print-first-paint"});
        QByteArray output;
        // The clock stops when the line arrives, not when the process has exited.
        while (!output.contains("first-paint ") && timer.elapsed() < 30000 &&
               process.state() != QProcess::NotRunning) {
            process.waitForReadyRead(20);
            output += process.readAllStandardOutput();
        }
        if (!output.contains("first-paint ")) {
            process.kill();
            process.waitForFinished(5000);
            std::printf("cold start: builder-studio did not paint within 30 s\n");
            return;
        }
        wall.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        process.waitForFinished(10000);
        const QString out = QString::fromUtf8(output);
        const int at = out.indexOf("first-paint ");
        if (at >= 0)
            inside.push_back(out.mid(at + 12).section(' ', 0, 0).toDouble());
    }
    // Baseline: an empty QMainWindow's first paint in this process (Qt's own floor).
    QMainWindow empty;
    empty.resize(1280, 800);
    const double baseline = firstPaint(empty);
    std::printf("cold start to first painted window (builder-studio, %d launches, median):\n"
                "  process launch to first paint: %.0f ms   target <= 1000 ms\n"
                "  of which main() to first paint: %.0f ms\n"
                "  baseline empty QMainWindow first paint in-process: %.1f ms\n",
                runs, median(wall), median(inside), baseline);
}

void StudioBench::openLargeDiff()
{
    QTemporaryDir dir;
    client::BackendClient client(unreachable());
    cache::OfflineCache cache(dir.filePath("cache.sqlite"));
    views::MainWindow window(&client, &cache, views::StudioSettings());
    window.resize(1280, 800);
    firstPaint(window); // the window is up before the clock starts
    window.showPage(views::MainWindow::DiffPage);
    auto* panel = window.diffPanel();
    const auto diff = largeDiff(kDiffLines);
    bool shown = false;
    QObject::connect(panel, &views::DiffReviewPanel::documentShown, [&] { shown = true; });
    QElapsedTimer timer;
    timer.start();
    panel->showDiff(diff);
    spinUntil([&] { return shown; }, 30000);
    QCoreApplication::processEvents(); // the paint of the new file
    const double unified = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    timer.restart();
    panel->diffView()->setMode(diff::DiffView::Mode::SideBySide);
    QCoreApplication::processEvents();
    const double sideBySide = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    timer.restart();
    for (int i = 0; i < 20; ++i)
        panel->nextFinding();
    QCoreApplication::processEvents();
    const double navigation = static_cast<double>(timer.nsecsElapsed()) / 1e6;

    // Baseline: the same text in a plain QPlainTextEdit.
    QString text;
    for (const auto& line : diff.files(0).hunks(0).lines())
        text += QString::fromStdString(line.content()) + '\n';
    QString all;
    all.reserve(text.size() * diff.files(0).hunks_size());
    for (int i = 0; i < diff.files(0).hunks_size(); ++i)
        all += text;
    QPlainTextEdit plain;
    plain.resize(1000, 700);
    plain.show();
    timer.restart();
    plain.setPlainText(all);
    QCoreApplication::processEvents();
    const double baseline = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    std::printf("opening a %d-line diff (one file, 20 findings):\n"
                "  unified, from GetDiff message to painted: %.0f ms   target <= 500 ms\n"
                "  switch to side by side (lays out both panes): %.0f ms\n"
                "  20 x next finding: %.1f ms\n"
                "  baseline QPlainTextEdit::setPlainText of the same lines: %.0f ms\n",
                kDiffLines, unified, sideBySide, navigation, baseline);
}

void StudioBench::timelineUnderLoad()
{
    QTemporaryDir dir;
    client::BackendClient client(unreachable());
    cache::OfflineCache cache(dir.filePath("cache.sqlite"));
    views::MainWindow window(&client, &cache, views::StudioSettings());
    window.resize(1280, 800);
    window.show();
    auto* panel = window.executionPanel();
    window.showPage(views::MainWindow::ExecutionPage);

    auto measure = [&](bool load) {
        constexpr int kHeartbeatMs = 5;
        constexpr int kBatchMs = 10; // 100 events every 10 ms = 10,000 per second
        const int perBatch = kEventsPerSecond * kBatchMs / 1000;
        quint64 sequence = panel->timeline()->lastSequence();
        QElapsedTimer clock;
        clock.start();
        qint64 last = 0;
        qint64 worst = 0;
        std::vector<qint64> gaps;
        QTimer heartbeat;
        heartbeat.setTimerType(Qt::PreciseTimer);
        QObject::connect(&heartbeat, &QTimer::timeout, [&] {
            const qint64 now = clock.nsecsElapsed() / 1000;
            if (last > 0) {
                gaps.push_back(now - last);
                worst = std::max(worst, now - last);
            }
            last = now;
        });
        QTimer feeder;
        feeder.setTimerType(Qt::PreciseTimer);
        qint64 delivered = 0;
        QObject::connect(&feeder, &QTimer::timeout, [&] {
            std::vector<fv1::FeatureEvent> batch(static_cast<std::size_t>(perBatch));
            for (auto& event : batch) {
                event.set_sequence_number(++sequence);
                event.set_type(sequence % 10 == 0 ? "sandbox.output" : "step.progress");
                event.set_summary("event " + std::to_string(sequence));
                event.mutable_timestamp()->set_seconds(QDateTime::currentSecsSinceEpoch());
                if (sequence % 10 == 0)
                    (*event.mutable_payload()->mutable_fields())["data"].set_string_value(
                        "\x1b[32mok\x1b[0m line " + std::to_string(sequence) + "\n");
            }
            panel->acceptEvents(batch);
            delivered += perBatch;
        });
        heartbeat.start(kHeartbeatMs);
        if (load)
            feeder.start(kBatchMs);
        spinUntil([] { return false; }, kAppendSeconds * 1000);
        feeder.stop();
        heartbeat.stop();
        std::sort(gaps.begin(), gaps.end());
        const double p99 = gaps.empty() ? 0 : gaps[gaps.size() * 99 / 100] / 1000.0;
        const double seconds = clock.nsecsElapsed() / 1e9;
        return std::tuple<double, double, double>(worst / 1000.0, p99, delivered / seconds);
    };
    const auto [idleWorst, idleP99, idleRate] = measure(false);
    Q_UNUSED(idleRate);
    const auto [worst, p99, rate] = measure(true);
    std::printf("timeline at %d events/s for %d s (timeline, sandbox output, cache writes):\n"
                "  appended: %.0f events/s, %d rows in the timeline\n"
                "  longest GUI-thread stall (5 ms heartbeat gap): %.1f ms   target <= 50 ms\n"
                "  p99 heartbeat gap: %.1f ms\n"
                "  baseline with no events: longest gap %.1f ms, p99 %.1f ms\n",
                kEventsPerSecond, kAppendSeconds, rate, panel->timeline()->rowCount(), worst, p99,
                idleWorst, idleP99);
}

void StudioBench::hundredThousandExecutions()
{
    static constexpr int kTotal = 100000;
    static constexpr int kPage = 100;
    models::ExecutionListModel model;
    // Pages answer at once, as a fast server would, so the figure is the Studio's own cost.
    model.setFetcher([](const std::string& token, auto done) {
        const int start = token.empty() ? 0 : std::stoi(token);
        models::ExecutionListModel::PageResult page;
        for (int i = start; i < std::min(kTotal, start + kPage); ++i) {
            fv1::FeatureExecution e;
            e.set_id("id-" + std::to_string(i));
            e.mutable_spec()->set_title("Execution number " + std::to_string(i));
            e.set_state(fv1::FEATURE_STATE_PENDING);
            e.mutable_created_at()->set_seconds(1700000000 + i);
            page.items.push_back(std::move(e));
        }
        page.totalCount = kTotal;
        if (start + kPage < kTotal)
            page.nextPageToken = std::to_string(start + kPage);
        QTimer::singleShot(0, [done, page = std::move(page)]() mutable { done(std::move(page)); });
    });
    QTableView view;
    view.resize(1200, 700);
    view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view.verticalHeader()->setDefaultSectionSize(24);
    view.setModel(&model);
    view.show();
    QElapsedTimer clock;
    clock.start();
    qint64 worst = 0;
    qint64 last = clock.nsecsElapsed();
    // Keep dragging the scroll bar to the end: every arrival there asks for the next page.
    while (model.rowCount() < kTotal && clock.elapsed() < 120000) {
        view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum());
        QCoreApplication::processEvents();
        const qint64 now = clock.nsecsElapsed();
        worst = std::max(worst, now - last);
        last = now;
    }
    std::printf("executions list, 100,000 rows paged in by scrolling (100 per page):\n"
                "  rows loaded: %d in %.0f ms (%.2f ms per page)\n"
                "  longest event-loop pass while scrolling: %.1f ms\n",
                model.rowCount(), clock.nsecsElapsed() / 1e6,
                clock.nsecsElapsed() / 1e6 / (model.rowCount() / kPage), worst / 1e6);
}

} // namespace builder::bench
