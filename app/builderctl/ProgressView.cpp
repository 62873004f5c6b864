#include "ProgressView.h"

#include <algorithm>
#include <cstdio>

namespace builder::ctl {

namespace {

std::string field(const feature::feature::v1::FeatureEvent& e, const char* name)
{
    const auto& fields = e.payload().fields();
    auto it = fields.find(name);
    return it == fields.end() ? std::string() : it->second.string_value();
}

double number(const feature::feature::v1::FeatureEvent& e, const char* name)
{
    const auto& fields = e.payload().fields();
    auto it = fields.find(name);
    return it == fields.end() ? 0.0 : it->second.number_value();
}

std::string shortState(std::string state)
{
    const std::string prefix = "FEATURE_STATE_";
    if (state.rfind(prefix, 0) == 0)
        state = state.substr(prefix.size());
    return state;
}

} // namespace

std::string ProgressView::bar(int percent, int width)
{
    percent = std::clamp(percent, 0, 100);
    const int filled = percent * width / 100;
    return "[" + std::string(static_cast<std::size_t>(filled), '#') +
           std::string(static_cast<std::size_t>(width - filled), '.') + "]";
}

std::string ProgressView::line(const std::string& text) const
{
    char percent[8];
    std::snprintf(percent, sizeof percent, "%3d%%", m_percent);
    char state[20];
    std::snprintf(state, sizeof state, "%-15s", m_state.c_str());
    return bar(m_percent) + " " + percent + "  " + state + " " + text + "\n";
}

std::string ProgressView::render(const feature::feature::v1::FeatureEvent& e)
{
    const auto& type = e.type();
    auto at = [&](int percent) { m_percent = std::max(m_percent, percent); };
    if (type == "feature.state_changed") {
        m_state = shortState(field(e, "to"));
        return {};
    }
    if (type == "sandbox.output") {
        ++m_outputChunks;
        return {};
    }
    if (type == "llm.call") {
        ++m_llmCalls;
        m_costUsd += number(e, "cost");
        return {};
    }
    if (type == "feature.created") {
        at(0);
        return line("submitted");
    }
    if (type == "workspace.ready") {
        at(5);
        return line(e.summary());
    }
    if (type == "spec.normalized") {
        at(10);
        return line("specification: " + e.summary());
    }
    if (type == "impact.analyzed") {
        at(15);
        return line("impact: " + e.summary());
    }
    if (type == "plan.created") {
        m_totalSteps = static_cast<int>(number(e, "steps"));
        at(20);
        return line(e.summary().substr(0, e.summary().find('\n')));
    }
    if (type == "step.started")
        return line(e.summary());
    if (type == "step.completed") {
        ++m_completedSteps;
        if (m_totalSteps > 0)
            at(20 + 55 * std::min(m_completedSteps, m_totalSteps) / m_totalSteps);
        return line(e.summary());
    }
    if (type == "repair.started" || type == "review.fix_committed" || type == "feature.paused" ||
        type == "feature.resumed" || type == "workspace.warning" || type == "job.retry_scheduled" ||
        type == "job.dead_lettered")
        return line(e.summary());
    if (type == "test.completed") {
        at(80);
        return line(e.summary() + (m_outputChunks ? " (" + std::to_string(m_outputChunks) +
                                                        " output chunks streamed)"
                                                  : ""));
    }
    if (type == "review.completed") {
        at(88);
        return line(e.summary());
    }
    if (type == "approval.requested") {
        at(90);
        return line(e.summary());
    }
    if (type == "delivery.pushed") {
        at(95);
        return line(e.summary());
    }
    if (type == "feature.completed" || type == "feature.failed" || type == "feature.cancelled") {
        if (type == "feature.completed")
            at(100);
        char cost[64];
        std::snprintf(cost, sizeof cost, " — %d LLM call(s), $%.4f", m_llmCalls, m_costUsd);
        return line(e.summary() + cost);
    }
    return {};
}

} // namespace builder::ctl
