#pragma once

#include "ParsedArgs.h"
#include "common/Result.h"
#include "feature/review/v1/review.pb.h"

#include <string>

namespace builder::ctl {

// The ReviewService requests of `builderctl review approve|request-changes|
// reject` built from the command line, checked with the same rules builderd
// applies (common::ReviewValidation) before anything is sent.
class ReviewDecisionRequests
{
public:
    static common::Result<feature::review::v1::ApproveRequest> approve(const ParsedArgs& args);
    static common::Result<feature::review::v1::RequestChangesRequest>
    requestChanges(const ParsedArgs& args);
    static common::Result<feature::review::v1::RejectRequest> reject(const ParsedArgs& args);

    // "src/a.c:12:Rename this" -> file, line and body. The first ":<digits>:"
    // ends the file name, so the body may contain colons; `option` names the
    // flag in errors.
    static common::Result<feature::review::v1::ReviewComment>
    parseComment(const std::string& option, const std::string& text,
                 feature::review::v1::CommentSide side);
};

} // namespace builder::ctl
