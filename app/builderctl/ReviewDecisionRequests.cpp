#include "ReviewDecisionRequests.h"

#include "UsageError.h"
#include "common/ReviewValidation.h"

#include <cctype>
#include <utility>

namespace builder::ctl {

namespace rv1 = feature::review::v1;
using common::ReviewValidation;

namespace {

common::Result<std::string> executionId(const ParsedArgs& args)
{
    if (args.positionals().empty() || args.positionals().front().empty())
        return usageError("missing execution ID");
    return args.positionals().front();
}

common::Result<std::string> sha(const ParsedArgs& args)
{
    const auto value = args.value("sha");
    if (!value || value->empty())
        return usageError("missing --sha SHA: the head commit you reviewed, as 'builderctl "
                          "review diff ID' shows it");
    return *value;
}

// The server's rules, with the flag a field came from in front of its message.
template <typename Request> common::Status checked(const Request& request)
{
    auto violations = ReviewValidation::validate(request);
    if (violations.empty())
        return {};
    std::string message;
    for (const auto& v : violations) {
        std::string flag = v.fieldPath;
        if (flag == "commit_sha")
            flag = "--sha";
        else if (flag == "summary" || flag == "reason" || flag == "comment")
            flag = "--" + flag;
        else if (flag.rfind("comments", 0) == 0)
            flag = "--comment (" + v.fieldPath + ")";
        else if (flag == "feature_execution_id")
            flag = "ID";
        message += (message.empty() ? "" : "; ") + flag + ": " + v.message;
    }
    return common::Error(common::StatusCode::InvalidArgument, message, std::move(violations));
}

} // namespace

common::Result<rv1::ReviewComment> ReviewDecisionRequests::parseComment(const std::string& option,
                                                                        const std::string& text,
                                                                        rv1::CommentSide side)
{
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != ':')
            continue;
        std::size_t j = i + 1;
        while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j])))
            ++j;
        if (j == i + 1 || j >= text.size() || text[j] != ':')
            continue;
        const std::string digits = text.substr(i + 1, j - i - 1);
        if (digits.size() > 9)
            return usageError("--" + option + ": line number " + digits + " is too large");
        rv1::ReviewComment comment;
        comment.set_file(text.substr(0, i));
        comment.set_line(std::stoi(digits));
        comment.set_side(side);
        comment.set_body(text.substr(j + 1));
        return comment;
    }
    return usageError("--" + option +
                      ": expected FILE:LINE:TEXT (e.g. src/main.c:42:Check the "
                      "result), not '" +
                      text + "'");
}

common::Result<rv1::ApproveRequest> ReviewDecisionRequests::approve(const ParsedArgs& args)
{
    auto id = executionId(args);
    if (!id.ok())
        return id.error();
    auto commit = sha(args);
    if (!commit.ok())
        return commit.error();
    rv1::ApproveRequest request;
    request.set_feature_execution_id(*id);
    request.set_commit_sha(*commit);
    request.set_comment(args.value("comment").value_or(""));
    if (auto status = checked(request); !status.ok())
        return status.error();
    return request;
}

common::Result<rv1::RequestChangesRequest>
ReviewDecisionRequests::requestChanges(const ParsedArgs& args)
{
    auto id = executionId(args);
    if (!id.ok())
        return id.error();
    auto commit = sha(args);
    if (!commit.ok())
        return commit.error();
    rv1::RequestChangesRequest request;
    request.set_feature_execution_id(*id);
    request.set_commit_sha(*commit);
    request.set_summary(args.value("summary").value_or(""));
    using Flag = std::pair<const char*, rv1::CommentSide>;
    for (const auto& [option, side] :
         {Flag{"comment", rv1::COMMENT_SIDE_NEW}, Flag{"old-comment", rv1::COMMENT_SIDE_OLD}}) {
        for (const auto& text : args.values(option)) {
            auto comment = parseComment(option, text, side);
            if (!comment.ok())
                return comment.error();
            *request.add_comments() = std::move(comment).value();
        }
    }
    if (request.comments_size() == 0 && request.summary().empty())
        return usageError("give at least one --comment FILE:LINE:TEXT or a --summary TEXT");
    if (auto status = checked(request); !status.ok())
        return status.error();
    return request;
}

common::Result<rv1::RejectRequest> ReviewDecisionRequests::reject(const ParsedArgs& args)
{
    auto id = executionId(args);
    if (!id.ok())
        return id.error();
    const auto reason = args.value("reason");
    if (!reason || reason->empty())
        return usageError("missing --reason TEXT: why the change is rejected");
    rv1::RejectRequest request;
    request.set_feature_execution_id(*id);
    request.set_reason(*reason);
    if (auto status = checked(request); !status.ok())
        return status.error();
    return request;
}

} // namespace builder::ctl
