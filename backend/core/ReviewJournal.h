#pragma once

#include "feature/review/v1/review.pb.h"

#include <string>

namespace builder::store {
class Connection;
}

namespace builder::core {

// Reads the automated review the pipeline journaled for an execution
// (`done/review/<round>`: decision, risk score, and the whole report as
// review::ReportRenderer::json) into GetDiff's findings, risk_score and decision.
class ReviewJournal
{
public:
    static constexpr const char* kPrefix = "done/review/";

    // The review of `round`, or of the newest round when round < 0. False when
    // there is none (nothing reviewed yet); out is left unchanged then.
    static bool readInto(store::Connection& c, const std::string& executionId, int round,
                         feature::review::v1::GetDiffResponse* out);
    // One journal value; false when it is not the journal's JSON.
    static bool parseInto(const std::string& value, feature::review::v1::GetDiffResponse* out);

    static feature::review::v1::ReviewDecision decisionOf(const std::string& name);
};

} // namespace builder::core
