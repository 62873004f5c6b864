#pragma once

#include "DecisionTable.h"
#include "Finding.h"

#include <string>
#include <vector>

namespace builder::review {

// The result of a review: every finding (sorted, with ids), the score, the
// decision and why.
struct ReviewReport
{
    std::vector<Finding> findings;
    int riskScore = 0;
    Decision decision = Decision::Approve;
    std::string reason;  // the decision-table row that applied
    std::string summary; // one line for people
    FindingCounts counts;
    Thresholds thresholds;
    int filesReviewed = 0;
    int linesAdded = 0;
    int linesRemoved = 0;
    std::string modelError; // why the model review failed; empty when it ran or was not configured
};

} // namespace builder::review
