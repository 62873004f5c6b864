#include "FeatureCommands.h"

#include "EventFollower.h"
#include "EventView.h"
#include "ExitCode.h"
#include "FeatureRequests.h"
#include "FeatureView.h"
#include "GrpcEventSource.h"
#include "Interrupt.h"
#include "PageArgs.h"
#include "ProgressView.h"
#include "Session.h"
#include "UsageError.h"

#include <algorithm>
#include <set>

namespace builder::ctl {

namespace featurev1 = feature::feature::v1;

namespace {

std::vector<OptionSpec> concat(std::vector<OptionSpec> a, const std::vector<OptionSpec>& b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

bool isTerminalState(featurev1::FeatureState state)
{
    return state == featurev1::FEATURE_STATE_COMPLETED ||
           state == featurev1::FEATURE_STATE_FAILED || state == featurev1::FEATURE_STATE_CANCELLED;
}

std::string detailsOf(const featurev1::FeatureExecution& execution)
{
    return FeatureView::details(execution);
}

} // namespace

std::vector<CommandSpec> FeatureCommands::specs()
{
    return {
        {kGroup,
         "create",
         "--repo ID --title TITLE (--description TEXT | --description-file FILE) [options]",
         "Submit a feature specification for execution",
         "",
         0,
         0,
         {{"repo", "ID", "Repository to build the feature in (required)"},
          {"title", "TITLE", "Short title (required)"},
          {"description", "TEXT", "The specification"},
          {"description-file", "FILE", "Read the specification from FILE; '-' reads stdin"},
          {"target-branch", "BRANCH", "Branch to build on (default: the repository's)"},
          {"feature-branch", "BRANCH", "Branch to deliver to (generated when omitted)"},
          {"max-steps", "N", "At most N plan steps (1-50)"},
          {"timeout-minutes", "N", "Give up after N minutes (5-120)"},
          {"allow", "PATH", "Only paths under PATH may change (repeatable)", true},
          {"forbid", "PATH", "Paths under PATH must not change (repeatable)", true},
          {"require-tests", "", "The feature must come with tests"},
          {"require-build", "", "The build must pass"},
          {"correlation-id", "ID", "Your own reference, for 'feature get --correlation'"},
          {"idempotency-key", "KEY", "Repeating a create with the same KEY returns the first"},
          {"property", "KEY=VALUE", "Property to set (repeatable)", true}}},
        {kGroup,
         "get",
         "ID | --correlation ID",
         "Show one feature execution",
         "",
         0,
         1,
         {{"correlation", "ID", "Look the execution up by its correlation ID"}}},
        {kGroup, "search", "[options]", "List feature executions",
         "TIME is RFC 3339 (2024-05-01T10:00:00Z), a date (2024-05-01, UTC) or a duration ago "
         "(90m, 24h, 7d). With more results than fit a page, the line after the table names the "
         "--page-token of the next page (on stderr with --json).",
         0, 0,
         concat({{"repo", "ID", "Only executions in this repository"},
                 {"state", "STATE",
                  "pending, analyzing, planning, executing, verifying, awaiting-review, "
                  "completed, failed or cancelled; repeat or comma-separate for several",
                  true},
                 {"query", "TEXT", "Only executions matching TEXT"},
                 {"created-after", "TIME", "Only executions created after TIME"},
                 {"created-before", "TIME", "Only executions created before TIME"}},
                PageArgs::options())},
        {kGroup,
         "cancel",
         "ID [--reason TEXT]",
         "Cancel a running execution",
         "",
         1,
         1,
         {{"reason", "TEXT", "Why, for the event log"}}},
        {kGroup,
         "retry",
         "ID [--from-step N]",
         "Retry a failed execution",
         "",
         1,
         1,
         {{"from-step", "N", "Restart at plan step N (0-based)"}}},
        {kGroup,
         "events",
         "ID [--after N] [--type TYPE ...] [--follow [--exit-status]]",
         "Print an execution's events",
         "Without --follow: prints the events stored so far. The server keeps the stream open "
         "for live events, so builderctl stops once nothing arrived for 500 ms, or after --timeout "
         "while events keep arriving.\n"
         "With --follow: keeps printing until the execution completes, fails or is cancelled, or "
         "Ctrl-C (exit 130). A dropped connection is resumed after the last sequence seen, with "
         "backoff, so no event is missed or repeated; reconnects are reported on stderr. An "
         "execution that has already finished prints what is stored and exits.",
         1,
         1,
         {{"after", "N", "Only events with a sequence number above N"},
          {"type", "TYPE", "Only events of TYPE, e.g. step.completed (repeatable)", true},
          {"follow", "", "Keep streaming live events until the execution ends"},
          {"exit-status", "",
           "With --follow: exit with 1 when the execution failed or was cancelled"},
          {"progress", "",
           "With --follow: a progress bar per milestone instead of every event"}}},
        {kGroup,
         "artifacts",
         "ID",
         "List an execution's artifacts (patch, logs, reports)",
         "",
         1,
         1,
         {}},
    };
}

int FeatureCommands::run(const std::string& verb, const ParsedArgs& args, Session& session)
{
    if (verb == "create")
        return create(args, session);
    if (verb == "get")
        return get(args, session);
    if (verb == "search")
        return search(args, session);
    if (verb == "cancel")
        return cancel(args, session);
    if (verb == "retry")
        return retry(args, session);
    if (verb == "events")
        return events(args, session);
    if (verb == "artifacts")
        return artifacts(args, session);
    return session.usage(usageError("unknown command 'feature " + verb + "'"));
}

int FeatureCommands::create(const ParsedArgs& args, Session& session)
{
    auto request = FeatureRequests::create(args);
    if (!request.ok())
        return session.usage(request.error());
    return session.callAndPrint<featurev1::CreateResponse>(
        [&](grpc::ClientContext& context, featurev1::CreateResponse& response) {
            return session.features().Create(&context, *request, &response);
        },
        [](const featurev1::CreateResponse& response) { return detailsOf(response.execution()); });
}

int FeatureCommands::get(const ParsedArgs& args, Session& session)
{
    const bool byCorrelation = args.has("correlation");
    if (byCorrelation == !args.positionals().empty())
        return session.usage(usageError("give either an execution ID or --correlation ID"));
    if (byCorrelation) {
        featurev1::GetByCorrelationRequest request;
        request.set_correlation_id(*args.value("correlation"));
        return session.callAndPrint<featurev1::GetByCorrelationResponse>(
            [&](grpc::ClientContext& context, featurev1::GetByCorrelationResponse& response) {
                return session.features().GetByCorrelation(&context, request, &response);
            },
            [](const featurev1::GetByCorrelationResponse& response) {
                return detailsOf(response.execution());
            });
    }
    featurev1::GetRequest request;
    request.set_id(args.positionals().front());
    return session.callAndPrint<featurev1::GetResponse>(
        [&](grpc::ClientContext& context, featurev1::GetResponse& response) {
            return session.features().Get(&context, request, &response);
        },
        [](const featurev1::GetResponse& response) { return detailsOf(response.execution()); });
}

int FeatureCommands::search(const ParsedArgs& args, Session& session)
{
    auto request = FeatureRequests::search(args, std::chrono::system_clock::now());
    if (!request.ok())
        return session.usage(request.error());
    return session.listAndPrint<featurev1::SearchResponse>(
        [&](grpc::ClientContext& context) { return session.features().Search(&context, *request); },
        FeatureView::table(),
        [](const featurev1::SearchResponse& response) {
            return FeatureView::row(response.execution());
        },
        "feature executions");
}

int FeatureCommands::cancel(const ParsedArgs& args, Session& session)
{
    auto request = FeatureRequests::cancel(args);
    if (!request.ok())
        return session.usage(request.error());
    return session.callAndPrint<featurev1::CancelResponse>(
        [&](grpc::ClientContext& context, featurev1::CancelResponse& response) {
            return session.features().Cancel(&context, *request, &response);
        },
        [](const featurev1::CancelResponse& response) { return detailsOf(response.execution()); });
}

int FeatureCommands::retry(const ParsedArgs& args, Session& session)
{
    auto request = FeatureRequests::retry(args);
    if (!request.ok())
        return session.usage(request.error());
    return session.callAndPrint<featurev1::RetryResponse>(
        [&](grpc::ClientContext& context, featurev1::RetryResponse& response) {
            return session.features().Retry(&context, *request, &response);
        },
        [](const featurev1::RetryResponse& response) { return detailsOf(response.execution()); });
}

int FeatureCommands::artifacts(const ParsedArgs& args, Session& session)
{
    auto id = FeatureRequests::id(args);
    if (!id.ok())
        return session.usage(id.error());
    featurev1::GetArtifactsRequest request;
    request.set_feature_execution_id(*id);
    bool empty = false;
    const int code = session.callAndPrint<featurev1::GetArtifactsResponse>(
        [&](grpc::ClientContext& context, featurev1::GetArtifactsResponse& response) {
            const auto status = session.features().GetArtifacts(&context, request, &response);
            empty = response.artifacts().empty();
            return status;
        },
        [](const featurev1::GetArtifactsResponse& response) {
            return response.artifacts().empty() ? std::string()
                                                : FeatureView::artifacts(response).toString();
        });
    if (code == 0 && empty && !session.printer().json())
        session.err() << "no artifacts\n";
    return code;
}

int FeatureCommands::events(const ParsedArgs& args, Session& session)
{
    auto request = FeatureRequests::events(args);
    if (!request.ok())
        return session.usage(request.error());
    bool follow = args.has("follow");
    if (const int code = session.connect())
        return code;

    // A finished execution sends nothing more: following it would wait forever
    // when its terminal event lies before --after or outside --type.
    featurev1::FeatureState stateAtStart = featurev1::FEATURE_STATE_UNSPECIFIED;
    if (follow) {
        featurev1::GetRequest get;
        get.set_id(request->feature_execution_id());
        featurev1::GetResponse response;
        const auto status = session.unary([&](grpc::ClientContext& context) {
            return session.features().Get(&context, get, &response);
        });
        if (!status.ok())
            return session.fail(status);
        stateAtStart = response.execution().state();
        follow = !isTerminalState(stateAtStart);
    }

    // With a --type filter, still ask for the terminal events to know when to stop.
    std::set<std::string> hidden;
    if (follow && request->event_types_size() > 0) {
        for (const auto& type : EventFollower::terminalTypes()) {
            const auto& wanted = request->event_types();
            if (std::find(wanted.begin(), wanted.end(), type) == wanted.end()) {
                request->add_event_types(type);
                hidden.insert(type);
            }
        }
    }

    Printer& printer = session.printer();
    const bool progress = args.has("progress") && !printer.json();
    ProgressView progressView;
    bool headerPrinted = false;
    std::size_t printed = 0;
    GrpcEventSource source(session, *request, follow);
    EventFollower follower(
        source, follow, request->after_sequence(),
        [&](const featurev1::FeatureEvent& event) {
            ++printed;
            if (progress) {
                if (const auto text = progressView.render(event); !text.empty())
                    printer.text(text);
            } else if (printer.json()) {
                featurev1::ListEventsResponse response;
                *response.mutable_event() = event;
                printer.jsonLine(response);
            } else {
                if (!headerPrinted)
                    printer.text(EventView::header());
                headerPrinted = true;
                printer.text(EventView::line(event));
            }
            printer.flush();
        },
        [](std::chrono::milliseconds delay) { return Interrupt::instance().waitFor(delay); },
        [&](const std::string& notice) { session.err() << "builderctl: " << notice << "\n"; });
    follower.setHiddenTypes(std::move(hidden));
    if (session.config().timeout().count() > 0)
        follower.setReplayDeadline(std::chrono::steady_clock::now() + session.config().timeout());
    const grpc::Status status = follower.run();
    if (!status.ok())
        return session.fail(status);
    if (printed == 0 && !printer.json())
        session.err() << "no events\n";

    if (args.has("exit-status")) {
        const std::string& end = follower.terminalType();
        const bool failed = end == "feature.failed" || end == "feature.cancelled" ||
                            (end.empty() && (stateAtStart == featurev1::FEATURE_STATE_FAILED ||
                                             stateAtStart == featurev1::FEATURE_STATE_CANCELLED));
        if (failed) {
            session.err() << "execution " << request->feature_execution_id()
                          << " did not complete\n";
            return toInt(ExitCode::ServerError);
        }
    }
    return toInt(ExitCode::Ok);
}

} // namespace builder::ctl
