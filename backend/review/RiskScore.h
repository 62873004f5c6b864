#pragma once

#include "Finding.h"

#include <vector>

namespace builder::review {

// The risk score, 0..100, from the findings (documented in shared/docs/review.md):
//   w(f)   = severityWeight(f) * kindMultiplier(f)
//            severity: critical 40, high 20, medium 8, low 2
//            kind: secrets 1.5, security 1.0, policy 0.75, model opinion 0.5
//   R      = sum over rules of sum_k w * 0.5^(k-1)  (k-th finding of the same rule,
//            in report order: repeats count, with diminishing returns)
//   score  = round(100 * (1 - exp(-R / 80)))
// Deterministic: the findings are taken in findingBefore order.
class RiskScore
{
public:
    static int compute(const std::vector<Finding>& findings);
    static double rawPoints(const std::vector<Finding>& findings);

    static double severityWeight(Severity severity);
    static double kindMultiplier(FindingSource source);

    static constexpr double kRepeatFactor = 0.5;
    static constexpr double kScale = 80.0;
};

} // namespace builder::review
