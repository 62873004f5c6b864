#pragma once

#include "Finding.h"
#include "common/Result.h"

#include <string>
#include <string_view>
#include <vector>

namespace builder::review {

// An LLM's architecture review of a change (public API breaks, layering
// violations, ...). The Reviewer marks whatever comes back as model opinion
// (source MODEL, message prefixed), caps it at high severity and keeps it out
// of the critical/high counts that drive the decision; it only adds to the
// risk score. A failure is reported in the summary, never fatal to the review.
class ModelReviewer
{
public:
    virtual ~ModelReviewer() = default;

    // `diffText` is the unified diff, `changedFiles` the paths it touches.
    virtual common::Result<std::vector<Finding>>
    review(std::string_view diffText, const std::vector<std::string>& changedFiles) = 0;
};

} // namespace builder::review
