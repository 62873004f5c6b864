#pragma once

#include "StudioContext.h"
#include "client/EventFeed.h"
#include "feature/feature/v1/feature.pb.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableView;
class QTextBrowser;

namespace builder::client {
class EventSubscription;
}
namespace builder::models {
class EventTimelineModel;
class LlmUsageModel;
class PlanStepModel;
} // namespace builder::models

namespace builder::views {

class ArtifactsTab;
class SandboxOutputView;

// One execution: state and progress, plan steps, the live event timeline,
// sandbox output, LLM usage and cost, artifacts; Cancel, and Retry from a step.
class ExecutionPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ExecutionPanel(StudioContext context, QWidget* parent = nullptr);
    ~ExecutionPanel() override;

    void open(const QString& executionId);
    const QString& executionId() const { return m_id; }
    const feature::feature::v1::FeatureExecution& execution() const { return m_execution; }
    models::EventTimelineModel* timeline() const { return m_timeline; }
    // Appends events as if they came from the feed (also the benchmark's entry point).
    void acceptEvents(const client::EventBatch& events);

signals:
    void executionChanged(const feature::feature::v1::FeatureExecution& execution);
    void reviewRequested(const QString& executionId);
    void openExecution(const QString& executionId);
    void backRequested();

private:
    void show(const feature::feature::v1::FeatureExecution& execution);
    void refetch();
    void subscribe(quint64 afterSequence);
    void digest(const feature::feature::v1::FeatureEvent& event);
    void cancel();
    void retry();
    void setMessage(const QString& text);

    StudioContext m_context;
    QString m_id;
    feature::feature::v1::FeatureExecution m_execution;
    client::EventSubscription* m_subscription = nullptr;
    models::EventTimelineModel* m_timeline;
    models::PlanStepModel* m_plan;
    models::LlmUsageModel* m_usage;
    QLabel* m_title;
    QLabel* m_state;
    QLabel* m_stream;
    QLabel* m_message;
    QLabel* m_cost;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    QPushButton* m_retry;
    QSpinBox* m_fromStep;
    QPushButton* m_review;
    QTabWidget* m_tabs;
    QTableView* m_timelineView;
    SandboxOutputView* m_output;
    ArtifactsTab* m_artifacts;
    QTextBrowser* m_details;
    QTimer m_refetchTimer;
    bool m_followTimeline = true;
};

} // namespace builder::views
