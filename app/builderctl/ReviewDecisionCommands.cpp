#include "ReviewDecisionCommands.h"

#include "FeatureView.h"
#include "ReviewCommands.h"
#include "ReviewDecisionRequests.h"
#include "Session.h"
#include "UsageError.h"
#include "feature/review/v1/review.grpc.pb.h"

namespace builder::ctl {

namespace rv1 = feature::review::v1;

namespace {

constexpr const char* kApprove = "approve";
constexpr const char* kRequestChanges = "request-changes";
constexpr const char* kReject = "reject";

const char* const kShaHelp = "The head commit you reviewed, in full (required; 'review diff' "
                             "prints it)";

} // namespace

std::vector<CommandSpec> ReviewDecisionCommands::specs()
{
    return {
        {ReviewCommands::kGroup,
         kApprove,
         "ID --sha SHA [--comment TEXT]",
         "Approve the diff under review; delivery pushes it next",
         "Approves the exact commit under review: a newer commit (after a change request) "
         "needs its own approval. Reviewers and admins only, and never the feature's author. "
         "Approving the same commit again changes nothing.",
         1,
         1,
         {{"sha", "SHA", kShaHelp}, {"comment", "TEXT", "A note for the event log and audit"}}},
        {ReviewCommands::kGroup,
         kRequestChanges,
         "ID --sha SHA [--comment FILE:LINE:TEXT ...] [--summary TEXT]",
         "Send the execution back with comments for the next round",
         "The comments and the summary go into the model's next prompt; the execution returns "
         "to EXECUTING and comes back for review with a new head commit. LINE is the line in "
         "the new file (--old-comment: in the old one). Give at least one comment or a "
         "summary.\n"
         "Example:\n"
         "  builderctl review request-changes 3f2c... --sha 9ab1... \\\n"
         "      --comment 'src/parse.c:42:Check the return value' --summary 'Add a test'",
         1,
         1,
         {{"sha", "SHA", kShaHelp},
          {"comment", "FILE:LINE:TEXT", "A comment on a line of the new file (repeatable)", true},
          {"old-comment", "FILE:LINE:TEXT", "A comment on a line of the old file (repeatable)",
           true},
          {"summary", "TEXT", "What to change overall"}}},
        {ReviewCommands::kGroup,
         kReject,
         "ID --reason TEXT",
         "Reject the diff under review; the execution fails",
         "The execution fails with ERROR_CODE_REJECTED and your reason; nothing is pushed. "
         "Rejecting it again changes nothing.",
         1,
         1,
         {{"reason", "TEXT", "Why (required, up to 2000 characters)"}}},
    };
}

bool ReviewDecisionCommands::handles(const std::string& verb)
{
    return verb == kApprove || verb == kRequestChanges || verb == kReject;
}

int ReviewDecisionCommands::run(const std::string& verb, const ParsedArgs& args, Session& session)
{
    if (verb == kApprove)
        return approve(args, session);
    if (verb == kRequestChanges)
        return requestChanges(args, session);
    if (verb == kReject)
        return reject(args, session);
    return session.usage(usageError("unknown command 'review " + verb + "'"));
}

int ReviewDecisionCommands::approve(const ParsedArgs& args, Session& session)
{
    auto request = ReviewDecisionRequests::approve(args);
    if (!request.ok())
        return session.usage(request.error());
    auto service = rv1::ReviewService::NewStub(session.channel());
    return session.callAndPrint<rv1::ApproveResponse>(
        [&](grpc::ClientContext& context, rv1::ApproveResponse& response) {
            return service->Approve(&context, *request, &response);
        },
        [&](const rv1::ApproveResponse& response) {
            return "Approved " + request->commit_sha() + "; delivery pushes it next.\n\n" +
                   FeatureView::details(response.execution());
        });
}

int ReviewDecisionCommands::requestChanges(const ParsedArgs& args, Session& session)
{
    auto request = ReviewDecisionRequests::requestChanges(args);
    if (!request.ok())
        return session.usage(request.error());
    auto service = rv1::ReviewService::NewStub(session.channel());
    return session.callAndPrint<rv1::RequestChangesResponse>(
        [&](grpc::ClientContext& context, rv1::RequestChangesResponse& response) {
            return service->RequestChanges(&context, *request, &response);
        },
        [&](const rv1::RequestChangesResponse& response) {
            return "Sent back with " + std::to_string(request->comments_size()) +
                   " comment(s); the next round comes back for review.\n\n" +
                   FeatureView::details(response.execution());
        });
}

int ReviewDecisionCommands::reject(const ParsedArgs& args, Session& session)
{
    auto request = ReviewDecisionRequests::reject(args);
    if (!request.ok())
        return session.usage(request.error());
    auto service = rv1::ReviewService::NewStub(session.channel());
    return session.callAndPrint<rv1::RejectResponse>(
        [&](grpc::ClientContext& context, rv1::RejectResponse& response) {
            return service->Reject(&context, *request, &response);
        },
        [&](const rv1::RejectResponse& response) {
            return "Rejected.\n\n" + FeatureView::details(response.execution());
        });
}

} // namespace builder::ctl
