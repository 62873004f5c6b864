#pragma once

#include "common/Result.h"

#include <functional>
#include <optional>
#include <string>

namespace builder::review {

// The operator knobs of the decision (seed: MAX_RISK_SCORE, MAX_CRITICAL_ISSUES,
// BLOCK_ON_SECRETS; the issue adds MAX_HIGH_ISSUES).
struct Thresholds
{
    int maxRiskScore = 50;     // 0..100; a score above it blocks approval
    int maxCriticalIssues = 0; // more critical findings than this block approval
    int maxHighIssues = 2;     // more high findings than this block approval
    bool blockOnSecrets = true;

    static constexpr int kDefaultMaxIterations = 3;

    // Reads MAX_RISK_SCORE, MAX_CRITICAL_ISSUES, MAX_HIGH_ISSUES and BLOCK_ON_SECRETS
    // through `lookup` (unset: default). A malformed value is an InvalidArgument
    // error naming the variable.
    using Lookup = std::function<std::optional<std::string>(const std::string&)>;
    static common::Result<Thresholds> fromEnvironment(const Lookup& lookup);
    // MAX_ITERATIONS (0..100, default kDefaultMaxIterations).
    static common::Result<int> maxIterationsFromEnvironment(const Lookup& lookup);
};

} // namespace builder::review
