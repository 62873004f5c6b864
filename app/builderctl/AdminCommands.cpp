#include "AdminCommands.h"

#include "AdminRequests.h"
#include "AdminView.h"
#include "ClientConfig.h"
#include "PageArgs.h"
#include "PageInfo.h"
#include "Session.h"
#include "UsageError.h"
#include "feature/admin/v1/admin.grpc.pb.h"

#include <algorithm>

namespace builder::ctl {

namespace av1 = feature::admin::v1;

namespace {

constexpr const char* kGet = "killswitch get";
constexpr const char* kSet = "killswitch set";
constexpr const char* kRelease = "killswitch release";
constexpr const char* kAudit = "audit";
constexpr const char* kDeadLetters = "dead-letters list";
constexpr const char* kRequeue = "dead-letters requeue";
constexpr const char* kWebhooks = "webhooks";

std::vector<OptionSpec> withPages(std::vector<OptionSpec> options)
{
    const auto pages = PageArgs::options();
    options.insert(options.end(), pages.begin(), pages.end());
    return options;
}

const OptionSpec kRepo{"repo", "ID", "The repository's switch instead of the global one"};

// Prints a list response's rows (or the response as one JSON line) and the page
// footer, the way the streamed lists do.
template <typename Response, typename Rows, typename Row>
void printPage(Session& session, const Response& response, Table table, Rows&& rows, Row&& row,
               const std::string& noun)
{
    std::size_t count = 0;
    for (const auto& item : rows) {
        table.addRow(row(item));
        ++count;
    }
    const PageInfo page(response.pagination().next_page_token(),
                        response.pagination().total_count());
    const auto footer = page.footer(count);
    if (session.printer().json()) {
        session.printer().jsonLine(response);
        session.err() << footer;
        return;
    }
    if (count == 0) {
        session.err() << "no " << noun << " found\n";
        return;
    }
    session.printer().text(table.toString());
    session.printer().text(footer);
}

} // namespace

std::vector<CommandSpec> AdminCommands::specs()
{
    const std::string reason = "Why (required, up to 2000 characters; recorded in the audit log)";
    return {
        {kGroup,
         kGet,
         "",
         "Show the global and per-repository kill switches",
         "While a switch is engaged, new executions are refused and running ones pause at "
         "their next model call, sandbox run or push.",
         0,
         0,
         {}},
        {kGroup,
         kSet,
         "--reason TEXT [--repo ID]",
         "Engage the kill switch (globally, or for one repository)",
         "Running executions in scope stop at their next side effect and wait; Create is "
         "refused until the switch is released.\n"
         "Example:\n  builderctl admin killswitch set --reason 'incident 42: bad pushes'",
         0,
         0,
         {{"reason", "TEXT", reason}, kRepo}},
        {kGroup,
         kRelease,
         "--reason TEXT [--repo ID]",
         "Release the kill switch",
         "Paused executions continue where they stopped.",
         0,
         0,
         {{"reason", "TEXT", reason}, kRepo}},
        {kGroup, kAudit, "[--actor NAME] [--action ACTION] [--since TIME] [options]",
         "List the audit log, newest first, with the hash chain's verdict",
         "Every page is checked against the whole hash chain. Exits with 1 when an entry was "
         "edited, removed or reordered (the line after the table names it).\n"
         "Actions: killswitch.set, killswitch.release, token.create, token.revoke, "
         "repository.register, repository.update, repository.credentials, repository.delete, "
         "review.approve, review.request_changes, review.reject, dead_letter.requeue, "
         "webhook.github_build.",
         0, 0,
         withPages({{"actor", "NAME", "Only entries by this user"},
                    {"action", "ACTION", "Only entries of this action"},
                    {"since", "TIME", "Only entries from then on (RFC 3339, a date, or 24h)"}})},
        {kGroup, kDeadLetters, "[options]", "List jobs that failed at every retry level", "", 0, 0,
         withPages({})},
        {kGroup,
         kRequeue,
         "ID",
         "Requeue a dead letter as a fresh job",
         "Its execution goes back to PENDING; what its journal holds is not paid for again.",
         1,
         1,
         {}},
        {kGroup, kWebhooks, "[--state pending|delivered|failed] [options]",
         "List outgoing webhook deliveries, newest first", "", 0, 0,
         withPages({{"state", "STATE", "Only deliveries in this state"}})},
    };
}

std::vector<std::string> AdminCommands::argsWithVerb(const std::vector<std::string>& args)
{
    std::vector<std::string> valued;
    for (const auto& option : ClientConfig::options())
        if (option.takesValue())
            valued.push_back("--" + option.name);
    std::vector<std::size_t> words;
    for (std::size_t i = 0; i < args.size() && words.size() < 2; ++i) {
        const auto& arg = args[i];
        if (arg == "--")
            break;
        if (arg.size() > 1 && arg[0] == '-') {
            if (std::find(valued.begin(), valued.end(), arg) != valued.end())
                ++i;
            continue;
        }
        words.push_back(i);
    }
    std::size_t at = args.size();
    if (!words.empty() && args[words[0]] == kGroup)
        at = words[0];
    else if (words.size() == 2 && args[words[0]] == "help" && args[words[1]] == kGroup)
        at = words[1];
    if (at + 2 >= args.size() || (args[at + 1] != "killswitch" && args[at + 1] != "dead-letters"))
        return args;
    const auto& verb = args[at + 2];
    if (verb.empty() || verb[0] == '-')
        return args;
    std::vector<std::string> out(args.begin(), args.begin() + static_cast<long>(at) + 1);
    out.push_back(args[at + 1] + " " + verb);
    out.insert(out.end(), args.begin() + static_cast<long>(at) + 3, args.end());
    return out;
}

int AdminCommands::run(const std::string& verb, const ParsedArgs& args, Session& session)
{
    if (verb == kGet)
        return killSwitchGet(session);
    if (verb == kSet || verb == kRelease)
        return killSwitchSet(args, session, verb == kSet);
    if (verb == kAudit)
        return audit(args, session);
    if (verb == kDeadLetters)
        return deadLetters(args, session);
    if (verb == kRequeue)
        return requeue(args, session);
    if (verb == kWebhooks)
        return webhooks(args, session);
    return session.usage(usageError("unknown command 'admin " + verb + "'"));
}

int AdminCommands::killSwitchGet(Session& session)
{
    auto service = av1::AdminService::NewStub(session.channel());
    return session.callAndPrint<av1::GetKillSwitchResponse>(
        [&](grpc::ClientContext& context, av1::GetKillSwitchResponse& response) {
            return service->GetKillSwitch(&context, {}, &response);
        },
        [](const av1::GetKillSwitchResponse& response) {
            return AdminView::killSwitches(response);
        });
}

int AdminCommands::killSwitchSet(const ParsedArgs& args, Session& session, bool engaged)
{
    auto request = AdminRequests::killSwitch(args, engaged);
    if (!request.ok())
        return session.usage(request.error());
    auto service = av1::AdminService::NewStub(session.channel());
    return session.callAndPrint<av1::SetKillSwitchResponse>(
        [&](grpc::ClientContext& context, av1::SetKillSwitchResponse& response) {
            return service->SetKillSwitch(&context, *request, &response);
        },
        [](const av1::SetKillSwitchResponse& response) {
            return AdminView::killSwitch(response.state());
        });
}

int AdminCommands::audit(const ParsedArgs& args, Session& session)
{
    auto request = AdminRequests::audit(args, std::chrono::system_clock::now());
    if (!request.ok())
        return session.usage(request.error());
    if (const int code = session.connect())
        return code;
    auto service = av1::AdminService::NewStub(session.channel());
    av1::ListAuditResponse response;
    const auto status = session.unary([&](grpc::ClientContext& context) {
        return service->ListAudit(&context, *request, &response);
    });
    if (!status.ok())
        return session.fail(status);
    printPage(session, response, AdminView::auditTable(), response.entries(), AdminView::auditRow,
              "audit entries");
    session.err() << AdminView::chain(response.chain()) << "\n";
    return response.chain().intact() ? 0 : kBrokenChain;
}

int AdminCommands::deadLetters(const ParsedArgs& args, Session& session)
{
    auto request = AdminRequests::deadLetters(args);
    if (!request.ok())
        return session.usage(request.error());
    if (const int code = session.connect())
        return code;
    auto service = av1::AdminService::NewStub(session.channel());
    av1::ListDeadLettersResponse response;
    const auto status = session.unary([&](grpc::ClientContext& context) {
        return service->ListDeadLetters(&context, *request, &response);
    });
    if (!status.ok())
        return session.fail(status);
    printPage(session, response, AdminView::deadLetterTable(), response.dead_letters(),
              AdminView::deadLetterRow, "dead letters");
    return 0;
}

int AdminCommands::requeue(const ParsedArgs& args, Session& session)
{
    auto request = AdminRequests::requeue(args);
    if (!request.ok())
        return session.usage(request.error());
    auto service = av1::AdminService::NewStub(session.channel());
    return session.callAndPrint<av1::RequeueDeadLetterResponse>(
        [&](grpc::ClientContext& context, av1::RequeueDeadLetterResponse& response) {
            return service->RequeueDeadLetter(&context, *request, &response);
        },
        [](const av1::RequeueDeadLetterResponse& response) {
            return "Requeued as job " + response.job_id() + "\n";
        });
}

int AdminCommands::webhooks(const ParsedArgs& args, Session& session)
{
    auto request = AdminRequests::webhooks(args);
    if (!request.ok())
        return session.usage(request.error());
    if (const int code = session.connect())
        return code;
    auto service = av1::AdminService::NewStub(session.channel());
    av1::ListWebhookDeliveriesResponse response;
    const auto status = session.unary([&](grpc::ClientContext& context) {
        return service->ListWebhookDeliveries(&context, *request, &response);
    });
    if (!status.ok())
        return session.fail(status);
    printPage(session, response, AdminView::webhookTable(), response.deliveries(),
              AdminView::webhookRow, "webhook deliveries");
    return 0;
}

} // namespace builder::ctl
