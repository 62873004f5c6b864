#include "ReviewProto.h"

namespace builder::review {

namespace pb = feature::review::v1;

void ReviewProto::toProto(const Finding& f, pb::Finding* out)
{
    out->set_id(f.id);
    out->set_rule_id(f.ruleId);
    // The enums share their numbers with the contract's (Severity.h).
    out->set_severity(static_cast<pb::Severity>(static_cast<int>(f.severity)));
    out->set_source(static_cast<pb::FindingSource>(static_cast<int>(f.source)));
    out->set_file(f.file);
    out->set_line(f.line);
    out->set_message(f.message);
    out->set_fix_hint(f.fixHint);
}

pb::ReviewPatchResponse ReviewProto::toProto(const ReviewReport& report)
{
    pb::ReviewPatchResponse response;
    for (const auto& f : report.findings)
        toProto(f, response.add_findings());
    response.set_risk_score(report.riskScore);
    response.set_decision(static_cast<pb::ReviewDecision>(static_cast<int>(report.decision)));
    return response;
}

} // namespace builder::review
