#pragma once

#include "feature/review/v1/review.pb.h"

#include <string>

namespace builder::ctl {

// How `builderctl review diff` shows the diff under review: the commits, the
// automated review's decision and score, a table of files with +/- counts, the
// findings by place, every reviewer comment, and (with --patch) the unified
// diff itself rebuilt from the hunks.
class ReviewDiffView
{
public:
    static std::string text(const std::string& executionId,
                            const feature::review::v1::GetDiffResponse& diff, bool withPatch);
    // git-style text of the files, hunks and lines.
    static std::string patch(const feature::review::v1::GetDiffResponse& diff);
};

} // namespace builder::ctl
