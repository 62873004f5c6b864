#pragma once

#include "feature/review/v1/review.pb.h"
#include "review/ReviewReport.h"

#include <string>

namespace builder::ctl {

// How `builderctl review` shows a report: the ReviewPatchResponse proto (the
// same shape the ReviewPatch RPC returns) for --json, a findings table with fix
// hints, the score and the decision for people.
class ReviewView
{
public:
    static feature::review::v1::ReviewPatchResponse toProto(const review::ReviewReport& report);
    static std::string text(const review::ReviewReport& report);
};

} // namespace builder::ctl
