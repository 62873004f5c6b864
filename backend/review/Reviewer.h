#pragma once

#include "ModelReviewer.h"
#include "ReviewInput.h"
#include "ReviewReport.h"
#include "common/Result.h"

#include <string_view>

namespace builder::review {

// The automated reviewer: secrets, security patterns and policy checks over the
// added lines of a diff, optionally a model's opinion, then the risk score and
// the decision. Deterministic for the same input without a model.
class Reviewer
{
public:
    // `model` may be null (no model review); it is not owned and must outlive the Reviewer.
    explicit Reviewer(ModelReviewer* model = nullptr);

    ReviewReport review(const ReviewInput& input) const;

    // Parses `patch` (InvalidArgument naming the line when it is not a diff)
    // and reviews it with the rest of `options`; options.diff is ignored.
    common::Result<ReviewReport> reviewPatch(std::string_view patch, ReviewInput options) const;

    // Prefix of every model finding's message.
    static constexpr const char* kModelPrefix = "[model opinion] ";

private:
    void addModelFindings(const ReviewInput& input, std::vector<Finding>& findings,
                          ReviewReport& report) const;

    ModelReviewer* m_model;
};

} // namespace builder::review
