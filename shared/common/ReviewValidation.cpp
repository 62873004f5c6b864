#include "ReviewValidation.h"

#include "ConstraintId.h"
#include "FieldRules.h"

#include <algorithm>
#include <cctype>

namespace builder::common {

namespace rv1 = feature::review::v1;
using R = FieldRules;

namespace {

std::vector<Violation> textRule(std::string_view path, std::string_view value, std::size_t minLen,
                                std::size_t maxLen)
{
    std::vector<Violation> out = R::length(path, value, minLen, maxLen);
    R::append(out, R::notBlank(path, value));
    return out;
}

bool isHex(std::string_view text)
{
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
}

} // namespace

std::vector<Violation> ReviewValidation::validateCommitSha(std::string_view sha,
                                                           std::string_view path)
{
    if (sha.empty())
        return {{std::string(path), std::string(ConstraintId::kRequired),
                 "value is required: the head commit of the diff you reviewed"}};
    if ((sha.size() != 40 && sha.size() != 64) || !isHex(sha))
        return {{std::string(path), std::string(kCommitShaConstraint),
                 "value must be a full commit id (40 or 64 hexadecimal characters), as "
                 "GetDiff's head_sha reports it"}};
    return {};
}

std::vector<Violation> ReviewValidation::validateCommentBody(std::string_view body,
                                                             std::string_view path)
{
    return textRule(path, body, 1, kCommentBodyMaxLength);
}

std::vector<Violation> ReviewValidation::validateCommentFile(std::string_view file,
                                                             std::string_view path)
{
    return textRule(path, file, 1, kCommentFileMaxLength);
}

std::vector<Violation> ReviewValidation::validateComment(const rv1::ReviewComment& comment,
                                                         std::string_view path)
{
    std::vector<Violation> out = validateCommentFile(comment.file(), R::join(path, "file"));
    R::append(out, R::int32AtLeast(R::join(path, "line"), comment.line(), 1));
    // UNSPECIFIED is accepted and means the new side, where most comments go.
    if (!rv1::CommentSide_IsValid(comment.side()))
        out.push_back({R::join(path, "side"), std::string(ConstraintId::kEnumDefinedOnly),
                       "value must be one of the defined enum values"});
    R::append(out, validateCommentBody(comment.body(), R::join(path, "body")));
    return out;
}

std::vector<Violation> ReviewValidation::validateRejectReason(std::string_view reason,
                                                              std::string_view path)
{
    return textRule(path, reason, 1, kRejectReasonMaxLength);
}

std::vector<Violation> ReviewValidation::validatePatch(std::string_view diff, std::string_view path)
{
    if (diff.empty())
        return {{std::string(path), std::string(ConstraintId::kStringMinLen),
                 "value length must be at least 1 character (a unified diff)"}};
    return {};
}

std::vector<Violation> ReviewValidation::validate(const rv1::GetDiffRequest& request)
{
    return R::uuid("feature_execution_id", request.feature_execution_id());
}

std::vector<Violation> ReviewValidation::validate(const rv1::ApproveRequest& request)
{
    std::vector<Violation> out = R::uuid("feature_execution_id", request.feature_execution_id());
    R::append(out, validateCommitSha(request.commit_sha()));
    R::append(out, R::maxLength("comment", request.comment(), kApproveCommentMaxLength));
    return out;
}

std::vector<Violation> ReviewValidation::validate(const rv1::RequestChangesRequest& request)
{
    std::vector<Violation> out = R::uuid("feature_execution_id", request.feature_execution_id());
    R::append(out, validateCommitSha(request.commit_sha()));
    const bool hasSummary = !request.summary().empty();
    if (request.comments_size() == 0 && !hasSummary)
        out.push_back({"comments", std::string(kCommentsConstraint),
                       "at least one comment is required unless summary is set"});
    R::append(out, R::maxItems("comments", static_cast<std::size_t>(request.comments_size()),
                               kMaxComments));
    for (int i = 0; i < request.comments_size(); ++i)
        R::append(out, validateComment(request.comments(i),
                                       R::indexed("comments", static_cast<std::size_t>(i))));
    R::append(out, R::maxLength("summary", request.summary(), kSummaryMaxLength));
    if (hasSummary)
        R::append(out, R::notBlank("summary", request.summary()));
    return out;
}

std::vector<Violation> ReviewValidation::validate(const rv1::RejectRequest& request)
{
    std::vector<Violation> out = R::uuid("feature_execution_id", request.feature_execution_id());
    R::append(out, validateRejectReason(request.reason()));
    return out;
}

std::vector<Violation> ReviewValidation::validate(const rv1::ReviewPatchRequest& request)
{
    return validatePatch(request.diff());
}

std::string ReviewValidation::normalizedSha(std::string_view sha)
{
    std::string out(sha);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

} // namespace builder::common
