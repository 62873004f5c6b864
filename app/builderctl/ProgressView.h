#pragma once

#include "feature/feature/v1/feature.pb.h"

#include <string>

namespace builder::ctl {

// An execution's event log as a progress display: one line per milestone
// (stage, plan step, commit, verification, review, delivery), each with a bar
// and the percentage the milestone stands for. Chatty events (sandbox output)
// are counted, not printed.
class ProgressView
{
public:
    // The lines this event adds (empty for events that are not milestones).
    std::string render(const feature::feature::v1::FeatureEvent& event);

    static std::string bar(int percent, int width = 24);

private:
    std::string line(const std::string& text) const;

    int m_percent = 0;
    int m_totalSteps = 0;
    int m_completedSteps = 0;
    std::string m_state = "PENDING";
    int m_outputChunks = 0;
    double m_costUsd = 0;
    int m_llmCalls = 0;
};

} // namespace builder::ctl
