#pragma once

#include "Finding.h"
#include "Thresholds.h"

#include <string>
#include <vector>

namespace builder::review {

// Counts of the deterministic findings (model opinions excluded) that drive the decision.
struct FindingCounts
{
    int critical = 0;
    int high = 0;
    int medium = 0;
    int low = 0;
    int secrets = 0;        // secret findings of severity high or critical
    int forbiddenPaths = 0; // policy-forbidden-path findings
    int fixable = 0;        // findings another code-generation round can fix
    int model = 0;          // model opinions (not in the counts above)
};

// The decision and the row of the table that produced it.
struct DecisionResult
{
    Decision decision = Decision::ManualReview;
    std::string reason;
};

// The decision table (shared/docs/review.md), first matching row wins:
//  1. blockOnSecrets and secrets >= 1                      -> abort
//  2. forbiddenPaths >= 1                                  -> abort
//  3. nothing over a threshold (critical <= maxCritical,
//     high <= maxHigh, score <= maxRiskScore)              -> approve
//  4. over a threshold, fixable >= 1, iteration < maxIterations -> iterate
//  5. over a threshold, fixable >= 1, iterations used up   -> manual_review
//  6. over a threshold, nothing fixable                    -> manual_review
// `iteration` is the 1-based code-generation round that produced the diff.
class DecisionTable
{
public:
    static FindingCounts count(const std::vector<Finding>& findings);
    static DecisionResult decide(const FindingCounts& counts, int riskScore,
                                 const Thresholds& thresholds, int iteration, int maxIterations);
    // Whether another generation round can address the finding: security
    // patterns, secrets (when not blocking), model opinions, and the policy
    // rules PolicyChecker::isFixable names.
    static bool isFixable(const Finding& finding);
};

} // namespace builder::review
