#include "ExecutionPanel.h"

#include "ArtifactsTab.h"
#include "Confirmation.h"
#include "ErrorText.h"
#include "EventPayload.h"
#include "Icons.h"
#include "SandboxOutputView.h"
#include "cache/OfflineCache.h"
#include "client/BackendClient.h"
#include "client/EventSubscription.h"
#include "client/FeatureApi.h"
#include "models/EventTimelineModel.h"
#include "models/LlmUsageModel.h"
#include "models/PlanStepModel.h"
#include "models/StateText.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace builder::views {

namespace fv1 = feature::feature::v1;
using models::StateText;

namespace {

QTableView* table(QWidget* parent, const QString& name, const QString& accessible)
{
    auto* view = new QTableView(parent);
    view->setObjectName(name);
    view->setAccessibleName(accessible);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

} // namespace

ExecutionPanel::ExecutionPanel(StudioContext context, QWidget* parent)
    : QWidget(parent), m_context(std::move(context))
{
    setObjectName(QStringLiteral("executionPanel"));
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    auto* back = new QPushButton(Icons::get("back"), tr("Executions"), this);
    back->setObjectName(QStringLiteral("backToExecutionsButton"));
    back->setAccessibleName(tr("Back to executions"));
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("executionTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("executionState"));
    m_state->setAccessibleName(tr("Execution state"));
    top->addWidget(back);
    top->addWidget(m_title, 1);
    top->addWidget(m_state);
    layout->addLayout(top);

    auto* progressRow = new QHBoxLayout;
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("executionProgress"));
    m_progress->setAccessibleName(tr("Progress"));
    m_progress->setRange(0, 100);
    m_stream = new QLabel(this);
    m_stream->setObjectName(QStringLiteral("streamState"));
    m_cost = new QLabel(this);
    m_cost->setObjectName(QStringLiteral("executionCost"));
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cost);
    progressRow->addWidget(m_stream);
    layout->addLayout(progressRow);

    auto* actions = new QHBoxLayout;
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("executionMessage"));
    m_message->setWordWrap(true);
    m_cancel = new QPushButton(Icons::get("stop"), tr("&Cancel execution"), this);
    m_cancel->setObjectName(QStringLiteral("cancelExecutionButton"));
    m_retry = new QPushButton(Icons::get("refresh"), tr("&Retry from step"), this);
    m_retry->setObjectName(QStringLiteral("retryExecutionButton"));
    m_fromStep = new QSpinBox(this);
    m_fromStep->setObjectName(QStringLiteral("retryFromStepSpin"));
    m_fromStep->setAccessibleName(tr("Retry from step"));
    m_fromStep->setMinimum(1);
    m_review = new QPushButton(Icons::get("diff"), tr("Re&view diff"), this);
    m_review->setObjectName(QStringLiteral("openDiffButton"));
    actions->addWidget(m_message, 1);
    actions->addWidget(m_cancel);
    actions->addWidget(m_retry);
    actions->addWidget(m_fromStep);
    actions->addWidget(m_review);
    layout->addLayout(actions);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("executionTabs"));
    m_timeline = new models::EventTimelineModel(this);
    m_timelineView = table(m_tabs, "eventTimeline", tr("Event timeline"));
    m_timelineView->setModel(m_timeline);
    m_timelineView->setColumnWidth(models::EventTimelineModel::SequenceColumn, 60);
    m_timelineView->setColumnWidth(models::EventTimelineModel::TimeColumn, 110);
    m_timelineView->setColumnWidth(models::EventTimelineModel::TypeColumn, 190);
    m_tabs->addTab(m_timelineView, Icons::get("timeline"), tr("Timeline"));
    m_plan = new models::PlanStepModel(this);
    auto* planView = table(m_tabs, "planTable", tr("Plan steps"));
    planView->setModel(m_plan);
    m_tabs->addTab(planView, Icons::get("plan"), tr("Plan"));
    m_output = new SandboxOutputView(m_tabs);
    m_tabs->addTab(m_output, Icons::get("terminal"), tr("Output"));
    m_usage = new models::LlmUsageModel(this);
    auto* usageView = table(m_tabs, "usageTable", tr("LLM usage and cost"));
    usageView->setModel(m_usage);
    m_tabs->addTab(usageView, Icons::get("usage"), tr("LLM usage"));
    m_artifacts = new ArtifactsTab(m_context, m_tabs);
    m_tabs->addTab(m_artifacts, Icons::get("download"), tr("Artifacts"));
    m_details = new QTextBrowser(m_tabs);
    m_details->setObjectName(QStringLiteral("executionDetails"));
    m_tabs->addTab(m_details, Icons::get("info"), tr("Details"));
    layout->addWidget(m_tabs, 1);

    m_refetchTimer.setSingleShot(true);
    m_refetchTimer.setInterval(150); // state events come in bursts; one Get per burst
    connect(&m_refetchTimer, &QTimer::timeout, this, &ExecutionPanel::refetch);
    connect(back, &QPushButton::clicked, this, &ExecutionPanel::backRequested);
    connect(m_cancel, &QPushButton::clicked, this, &ExecutionPanel::cancel);
    connect(m_retry, &QPushButton::clicked, this, &ExecutionPanel::retry);
    connect(m_review, &QPushButton::clicked, this, [this] { emit reviewRequested(m_id); });
    connect(m_timelineView->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int v) {
        m_followTimeline = v >= m_timelineView->verticalScrollBar()->maximum() - 1;
    });
}

ExecutionPanel::~ExecutionPanel()
{
    delete m_subscription; // before the labels its signals update
}

void ExecutionPanel::open(const QString& executionId)
{
    if (m_subscription) {
        m_subscription->stop();
        m_subscription->deleteLater();
        m_subscription = nullptr;
    }
    m_id = executionId;
    m_execution = fv1::FeatureExecution();
    m_timeline->clear();
    m_usage->clear();
    m_output->clearOutput();
    m_followTimeline = true;
    m_title->setText(tr("<h3>Loading %1…</h3>").arg(executionId));
    m_message->clear();
    m_context.cache->execution(executionId, this,
                               [this, executionId](std::optional<fv1::FeatureExecution> cached) {
                                   if (cached && m_id == executionId && m_execution.id().empty())
                                       show(*cached);
                               });
    refetch();
    m_artifacts->load(executionId);

    // The cached events show at once; the live feed then starts after the last of them.
    m_context.cache->events(executionId, this,
                            [this, executionId](std::vector<fv1::FeatureEvent> cached) {
                                if (m_id != executionId || m_subscription)
                                    return;
                                acceptEvents(cached);
                                subscribe(m_timeline->lastSequence());
                            });
}

void ExecutionPanel::subscribe(quint64 afterSequence)
{
    m_subscription = new client::EventSubscription(*m_context.client, m_id, afterSequence, this);
    connect(m_subscription, &client::EventSubscription::eventsReceived, this,
            &ExecutionPanel::acceptEvents);
    connect(m_subscription, &client::EventSubscription::stateChanged, this,
            [this](client::EventSubscription::State state) {
                using State = client::EventSubscription::State;
                const QString transport = m_subscription->transportName();
                switch (state) {
                case State::Live:
                    m_stream->setText(tr("● live (%1)").arg(transport));
                    break;
                case State::Reconnecting:
                    m_stream->setText(tr("reconnecting (%1)…").arg(transport));
                    break;
                case State::Connecting:
                    m_stream->setText(tr("connecting…"));
                    break;
                case State::Failed:
                case State::Idle:
                    m_stream->setText(tr("not live"));
                    break;
                }
            });
    connect(m_subscription, &client::EventSubscription::failed, this,
            [this](const common::Error& error) {
                setMessage(ErrorText::describe(error, "FeatureService.ListEvents"));
            });
    m_subscription->start();
}

void ExecutionPanel::acceptEvents(const client::EventBatch& events)
{
    if (events.empty())
        return;
    client::EventBatch fresh;
    fresh.reserve(events.size());
    for (const auto& event : events)
        if (event.sequence_number() > m_timeline->lastSequence())
            fresh.push_back(event);
    m_timeline->append(fresh);
    for (const auto& event : fresh)
        digest(event);
    if (!m_id.isEmpty())
        m_context.cache->putEvents(m_id, fresh);
    if (m_followTimeline)
        m_timelineView->scrollToBottom();
}

void ExecutionPanel::digest(const fv1::FeatureEvent& event)
{
    const std::string& type = event.type();
    if (type == "sandbox.output") {
        m_output->appendChunk(EventPayload::text(event, {"chunk", "data", "text", "output"}),
                              EventPayload::text(event, {"stream"}) == QLatin1String("stderr"));
    } else if (type == "llm.call") {
        models::LlmUsageModel::Call call;
        call.provider = EventPayload::text(event, {"provider"});
        call.model = EventPayload::text(event, {"model"});
        call.tokensIn = static_cast<qint64>(
            EventPayload::number(event, {"tokens_in", "input_tokens", "prompt_tokens"}));
        call.tokensOut = static_cast<qint64>(
            EventPayload::number(event, {"tokens_out", "output_tokens", "completion_tokens"}));
        call.costUsd = EventPayload::number(event, {"cost", "cost_usd"});
        m_usage->addCall(call);
        m_cost->setText(tr("LLM cost: $%1").arg(m_usage->totalCost(), 0, 'f', 4));
    } else if (type == "step.started" || type == "step.completed" || type == "step.failed") {
        const int step =
            static_cast<int>(EventPayload::number(event, {"step", "index", "step_index"}, -1));
        using Status = models::PlanStepModel::Status;
        m_plan->setStepStatus(step, type == "step.started"     ? Status::Running
                                    : type == "step.completed" ? Status::Done
                                                               : Status::Failed);
    }
    if (type.rfind("feature.", 0) == 0 || type == "plan.created" || type == "step.completed" ||
        type.rfind("approval.", 0) == 0)
        m_refetchTimer.start();
}

void ExecutionPanel::refetch()
{
    if (m_id.isEmpty())
        return;
    const QString id = m_id;
    m_context.client->features().get(
        id.toStdString(), this, [this, id](common::Result<fv1::FeatureExecution> result) {
            if (id != m_id)
                return;
            if (!result.ok()) {
                if (result.error().code() != common::StatusCode::Unavailable)
                    setMessage(ErrorText::describe(result.error(), "FeatureService.Get"));
                return;
            }
            show(result.value());
            m_context.cache->putExecutions({result.value()});
            emit executionChanged(result.value());
        });
}

void ExecutionPanel::show(const fv1::FeatureExecution& execution)
{
    m_execution = execution;
    const auto state = execution.state();
    m_title->setText(QStringLiteral("<h3>%1</h3>")
                         .arg(QString::fromStdString(execution.spec().title()).toHtmlEscaped()));
    m_state->setText(StateText::name(state));
    m_state->setStyleSheet(QStringLiteral("QLabel { color: white; background: %1; padding: 3px "
                                          "8px; border-radius: 4px; font-weight: bold; }")
                               .arg(StateText::colour(state).name()));
    const auto& progress = execution.progress();
    m_progress->setValue(StateText::isTerminal(state) && state == fv1::FEATURE_STATE_COMPLETED
                             ? 100
                             : qRound(progress.percent_complete()));
    m_progress->setFormat(
        progress.total_steps() > 0
            ? tr("%1 of %2 steps — %p%").arg(progress.completed_steps()).arg(progress.total_steps())
            : tr("%p%"));
    m_plan->setExecution(execution);
    if (state == fv1::FEATURE_STATE_FAILED && !execution.error().message().empty()) {
        // Why it failed, in view without opening Details (not logged again on every refresh).
        m_message->setText(
            tr("Failed: %1").arg(QString::fromStdString(execution.error().message())));
        m_message->setStyleSheet(QStringLiteral("color: #d03b3b;"));
    }
    m_cancel->setEnabled(!StateText::isTerminal(state));
    const bool canRetry =
        state == fv1::FEATURE_STATE_FAILED || state == fv1::FEATURE_STATE_CANCELLED;
    m_retry->setEnabled(canRetry);
    m_fromStep->setEnabled(canRetry);
    m_fromStep->setMaximum(std::max(1, execution.plan().steps_size()));
    m_review->setEnabled(state == fv1::FEATURE_STATE_AWAITING_REVIEW ||
                         state == fv1::FEATURE_STATE_COMPLETED ||
                         state == fv1::FEATURE_STATE_VERIFYING);
    QString details =
        QStringLiteral("<p><b>%1</b> %2<br><b>%3</b> %4 → %5<br><b>%6</b> %7</p>")
            .arg(tr("Execution:"), QString::fromStdString(execution.id()), tr("Branches:"),
                 QString::fromStdString(execution.spec().target_branch()),
                 QString::fromStdString(execution.spec().feature_branch()), tr("Correlation:"),
                 QString::fromStdString(execution.correlation_id()));
    if (execution.has_error() && !execution.error().message().empty())
        details += QStringLiteral("<p style='color:#d03b3b'><b>%1</b> %2</p>")
                       .arg(tr("Error:"),
                            QString::fromStdString(execution.error().message()).toHtmlEscaped());
    if (execution.has_result() && !execution.result().branch_name().empty())
        details +=
            QStringLiteral("<p><b>%1</b> %2 @ %3</p>")
                .arg(tr("Delivered:"), QString::fromStdString(execution.result().branch_name()),
                     QString::fromStdString(execution.result().commit_sha()));
    m_details->setHtml(details);
    m_details->append(QString());
    QTextCursor cursor = m_details->textCursor();
    cursor.movePosition(QTextCursor::End);
    cursor.insertMarkdown(QString::fromStdString(execution.spec().description()));
}

void ExecutionPanel::cancel()
{
    const QString id = m_id;
    Confirmation::ask(
        this, QStringLiteral("cancelExecutionConfirm"), tr("Cancel execution"),
        tr("Cancel this execution? Work in progress stops; you can retry later."),
        tr("Cancel execution"), [this, id] {
            m_cancel->setEnabled(false);
            m_context.client->features().cancel(
                id.toStdString(), "cancelled in Builder Studio", this,
                [this](common::Result<fv1::FeatureExecution> result) {
                    if (!result.ok()) {
                        m_cancel->setEnabled(true);
                        setMessage(ErrorText::describe(result.error(), "FeatureService.Cancel"));
                        return;
                    }
                    show(result.value());
                    emit executionChanged(result.value());
                });
        });
}

void ExecutionPanel::retry()
{
    const int fromStep = m_execution.plan().steps_size() > 0 ? m_fromStep->value() - 1 : 0;
    m_context.client->features().retry(
        m_id.toStdString(), fromStep, this, [this](common::Result<fv1::FeatureExecution> result) {
            if (!result.ok()) {
                setMessage(ErrorText::describe(result.error(), "FeatureService.Retry"));
                return;
            }
            emit executionChanged(result.value());
            emit openExecution(QString::fromStdString(result->id()));
        });
}

void ExecutionPanel::setMessage(const QString& text)
{
    m_message->setText(text);
    m_message->setStyleSheet(QStringLiteral("color: #d03b3b;"));
    if (m_context.report)
        m_context.report(text);
}

} // namespace builder::views
