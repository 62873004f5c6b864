#pragma once

#include "ReviewGate.h"
#include "review/Thresholds.h"

namespace builder::pipeline {

// The automated review of an execution's whole diff against its base:
// deterministic secret, security and policy checks (backend/review), the LLM's
// architecture opinion when a provider is configured, the risk score and the
// decision. Each finding is a review.finding event; the full report is an
// analysis-report artifact.
class AutomatedReviewGate : public ReviewGate
{
public:
    AutomatedReviewGate(review::Thresholds thresholds, bool modelReview)
        : m_thresholds(thresholds), m_modelReview(modelReview)
    {}

    common::Result<ReviewVerdict> review(RunContext& ctx, int round, int iteration,
                                         int maxIterations) override;

private:
    review::Thresholds m_thresholds;
    bool m_modelReview;
};

} // namespace builder::pipeline
