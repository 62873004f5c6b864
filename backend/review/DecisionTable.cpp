#include "DecisionTable.h"

#include "PolicyChecker.h"

namespace builder::review {

bool DecisionTable::isFixable(const Finding& finding)
{
    switch (finding.source) {
    case FindingSource::Security:
    case FindingSource::Secrets:
    case FindingSource::Model:
        return true;
    case FindingSource::Policy:
        return PolicyChecker::isFixable(finding.ruleId);
    }
    return false;
}

FindingCounts DecisionTable::count(const std::vector<Finding>& findings)
{
    FindingCounts c;
    for (const auto& f : findings) {
        if (f.source == FindingSource::Model) {
            ++c.model;
            continue;
        }
        switch (f.severity) {
        case Severity::Critical:
            ++c.critical;
            break;
        case Severity::High:
            ++c.high;
            break;
        case Severity::Medium:
            ++c.medium;
            break;
        case Severity::Low:
            ++c.low;
            break;
        }
        if (f.source == FindingSource::Secrets && f.severity >= Severity::High)
            ++c.secrets;
        if (f.ruleId == PolicyChecker::kForbiddenPath)
            ++c.forbiddenPaths;
        if (isFixable(f) && f.severity >= Severity::Medium)
            ++c.fixable;
    }
    return c;
}

DecisionResult DecisionTable::decide(const FindingCounts& c, int riskScore, const Thresholds& t,
                                     int iteration, int maxIterations)
{
    if (t.blockOnSecrets && c.secrets > 0)
        return {Decision::Abort,
                std::to_string(c.secrets) + " secret(s) found and BLOCK_ON_SECRETS is on"};
    if (c.forbiddenPaths > 0)
        return {Decision::Abort,
                std::to_string(c.forbiddenPaths) + " change(s) to forbidden paths"};
    std::string over;
    auto add = [&over](const std::string& part) { over += (over.empty() ? "" : "; ") + part; };
    if (c.critical > t.maxCriticalIssues)
        add(std::to_string(c.critical) +
            " critical finding(s) > MAX_CRITICAL_ISSUES=" + std::to_string(t.maxCriticalIssues));
    if (c.high > t.maxHighIssues)
        add(std::to_string(c.high) +
            " high finding(s) > MAX_HIGH_ISSUES=" + std::to_string(t.maxHighIssues));
    if (riskScore > t.maxRiskScore)
        add("risk score " + std::to_string(riskScore) +
            " > MAX_RISK_SCORE=" + std::to_string(t.maxRiskScore));
    if (over.empty())
        return {Decision::Approve, "no threshold exceeded"};
    if (c.fixable == 0)
        return {Decision::ManualReview, over + "; nothing a new iteration can fix"};
    if (iteration < maxIterations)
        return {Decision::Iterate, over + "; iteration " + std::to_string(iteration) + " of " +
                                       std::to_string(maxIterations)};
    return {Decision::ManualReview, over + "; iterations exhausted (" + std::to_string(iteration) +
                                        " of " + std::to_string(maxIterations) + ")"};
}

} // namespace builder::review
