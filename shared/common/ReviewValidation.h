#pragma once

#include "Error.h"

#include "feature/review/v1/review.pb.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace builder::common {

// ReviewService's request rules (feature.review.v1), one definition for builderd,
// builderctl and the Studio's review panel. The field helpers are what a form
// field calls; the request validators are built from them.
class ReviewValidation
{
public:
    static constexpr std::size_t kCommentBodyMaxLength = 10000;
    static constexpr std::size_t kCommentFileMaxLength = 4096;
    static constexpr std::size_t kMaxComments = 1000;
    static constexpr std::size_t kSummaryMaxLength = 10000;
    static constexpr std::size_t kApproveCommentMaxLength = 10000;
    static constexpr std::size_t kRejectReasonMaxLength = 2000;

    // Builder's own constraint ids (buf.validate has no rule for these).
    static constexpr std::string_view kCommitShaConstraint = "string.commit_sha";
    static constexpr std::string_view kCommentsConstraint = "repeated.min_items";

    // The full hex id of a commit (40 characters for SHA-1, 64 for SHA-256),
    // either case: an approval binds to exactly one commit, so no abbreviations.
    static std::vector<Violation> validateCommitSha(std::string_view sha,
                                                    std::string_view path = "commit_sha");
    // One anchored comment; id, author and created_at are the server's and ignored.
    static std::vector<Violation> validateComment(const feature::review::v1::ReviewComment& comment,
                                                  std::string_view path);
    static std::vector<Violation> validateCommentBody(std::string_view body,
                                                      std::string_view path = "body");
    static std::vector<Violation> validateCommentFile(std::string_view file,
                                                      std::string_view path = "file");
    static std::vector<Violation> validateRejectReason(std::string_view reason,
                                                       std::string_view path = "reason");
    static std::vector<Violation> validatePatch(std::string_view diff,
                                                std::string_view path = "diff");

    static std::vector<Violation> validate(const feature::review::v1::GetDiffRequest& request);
    static std::vector<Violation> validate(const feature::review::v1::ApproveRequest& request);
    static std::vector<Violation>
    validate(const feature::review::v1::RequestChangesRequest& request);
    static std::vector<Violation> validate(const feature::review::v1::RejectRequest& request);
    static std::vector<Violation> validate(const feature::review::v1::ReviewPatchRequest& request);

    // The lower-case form the server stores and compares commit ids in.
    static std::string normalizedSha(std::string_view sha);
};

} // namespace builder::common
