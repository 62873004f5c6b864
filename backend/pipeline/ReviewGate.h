#pragma once

#include "common/Result.h"

#include <string>

namespace builder::pipeline {

class RunContext;

// The automated reviewer's verdict on the execution's whole diff.
struct ReviewVerdict
{
    std::string decision = "approve"; // approve | iterate | manual_review | abort
    int riskScore = 0;
    int findings = 0;
    std::string summary;
    std::string feedback;   // the findings as text for the next model round (iterate)
    std::string reportJson; // review::ReportRenderer::json of the whole report (findings)
};

// Reviews the diff of an execution (base..head) and reports findings as events.
class ReviewGate
{
public:
    virtual ~ReviewGate() = default;
    virtual common::Result<ReviewVerdict> review(RunContext& ctx, int round, int iteration,
                                                 int maxIterations) = 0;
};

} // namespace builder::pipeline
