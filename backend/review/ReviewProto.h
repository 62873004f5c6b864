#pragma once

#include "review/ReviewReport.h"

#include "feature/review/v1/review.pb.h"

namespace builder::review {

// The reviewer's results in the wire contract's words (feature.review.v1):
// one mapping for builderctl, the ReviewPatch RPC and GetDiff.
class ReviewProto
{
public:
    static void toProto(const Finding& finding, feature::review::v1::Finding* out);
    static feature::review::v1::ReviewPatchResponse toProto(const ReviewReport& report);
};

} // namespace builder::review
