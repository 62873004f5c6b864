#include "ReviewDiffCommand.h"

#include "ReviewCommands.h"
#include "ReviewDiffView.h"
#include "Session.h"
#include "UsageError.h"
#include "feature/review/v1/review.grpc.pb.h"

namespace builder::ctl {

namespace rv1 = feature::review::v1;

CommandSpec ReviewDiffCommand::spec()
{
    return {ReviewCommands::kGroup,
            kVerb,
            "ID [--patch]",
            "Show an execution's diff under review, its findings and comments",
            "Prints the base and head commits of the diff a reviewer decides on (the latest "
            "review round; before the first round, the workspace's changes so far), the "
            "automated review's decision and risk score, each file with its added and removed "
            "lines, the findings by file and line, and every reviewer comment. --json prints "
            "the GetDiffResponse with every hunk and line.\n"
            "Example:\n"
            "  builderctl review diff 3f2c... --patch | less",
            1,
            1,
            {{"patch", "", "Also print the unified diff itself"}}};
}

int ReviewDiffCommand::run(const ParsedArgs& args, Session& session)
{
    const auto& id = args.positionals().front();
    if (id.empty())
        return session.usage(usageError("missing execution ID"));
    rv1::GetDiffRequest request;
    request.set_feature_execution_id(id);
    const bool withPatch = args.has("patch");
    auto service = rv1::ReviewService::NewStub(session.channel());
    return session.callAndPrint<rv1::GetDiffResponse>(
        [&](grpc::ClientContext& context, rv1::GetDiffResponse& response) {
            return service->GetDiff(&context, request, &response);
        },
        [&](const rv1::GetDiffResponse& response) {
            return ReviewDiffView::text(id, response, withPatch);
        });
}

} // namespace builder::ctl
