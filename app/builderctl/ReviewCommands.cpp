#include "ReviewCommands.h"

#include "ArgValues.h"
#include "ClientConfig.h"
#include "ExitCode.h"
#include "InputFile.h"
#include "ReviewDecisionCommands.h"
#include "ReviewDiffCommand.h"
#include "ReviewView.h"
#include "Session.h"
#include "TextWidth.h"
#include "UsageError.h"
#include "review/ReportRenderer.h"
#include "review/Reviewer.h"

#include <algorithm>
#include <fstream>

namespace builder::ctl {

namespace {

int usage(Session& session, const common::Error& error)
{
    std::string out = "error: " + TextWidth::sanitize(error.message()) + "\n";
    for (const auto& v : error.violations())
        out += "  " + v.fieldPath + ": " + TextWidth::sanitize(v.message) + " [" + v.constraintId +
               "]\n";
    session.err() << out << "Run 'builderctl review --help' for usage.\n";
    return toInt(ExitCode::Usage);
}

common::Status intOption(const ParsedArgs& args, const char* name, int min, int max, int& target)
{
    const auto text = args.value(name);
    if (!text)
        return {};
    auto value = ArgValues::int32(name, *text);
    if (!value.ok())
        return value.error();
    if (*value < min || *value > max)
        return usageError("--" + std::string(name) + ": must be between " + std::to_string(min) +
                          " and " + std::to_string(max));
    target = *value;
    return {};
}

// Thresholds: built-in defaults < MAX_* environment variables < options.
common::Result<review::ReviewInput> inputFrom(const ParsedArgs& args, const Environment& env)
{
    review::ReviewInput input;
    const auto lookup = [&env](const std::string& name) { return env.get(name); };
    auto thresholds = review::Thresholds::fromEnvironment(lookup);
    if (!thresholds.ok())
        return thresholds.error();
    input.thresholds = *thresholds;
    auto iterations = review::Thresholds::maxIterationsFromEnvironment(lookup);
    if (!iterations.ok())
        return iterations.error();
    input.maxIterations = *iterations;
    for (const auto& [name, min, max, target] :
         {std::tuple<const char*, int, int, int*>{"max-risk-score", 0, 100,
                                                  &input.thresholds.maxRiskScore},
          {"max-critical", 0, 1000000, &input.thresholds.maxCriticalIssues},
          {"max-high", 0, 1000000, &input.thresholds.maxHighIssues},
          {"iteration", 1, 100, &input.iteration},
          {"max-iterations", 0, 100, &input.maxIterations},
          {"large-deletion", 0, 100000000, &input.largeDeletionLines}}) {
        if (auto status = intOption(args, name, min, max, *target); !status.ok())
            return status.error();
    }
    if (const auto block = args.value("block-on-secrets")) {
        if (*block == "true")
            input.thresholds.blockOnSecrets = true;
        else if (*block == "false")
            input.thresholds.blockOnSecrets = false;
        else
            return usageError("--block-on-secrets: expected true or false, not '" + *block + "'");
    }
    input.forbiddenPaths = ArgValues::splitList(args.values("forbidden"));
    input.planTargetFiles = ArgValues::splitList(args.values("plan-file"));
    return input;
}

bool writeReport(const std::string& path, const review::ReviewReport& report)
{
    const bool json = path.size() >= 5 && path.compare(path.size() - 5, 5, ".json") == 0;
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file << (json ? review::ReportRenderer::json(report) + "\n"
                  : review::ReportRenderer::markdown(report));
    return static_cast<bool>(file);
}

int exitCodeFor(review::Decision decision)
{
    switch (decision) {
    case review::Decision::Approve:
        return ReviewCommands::kApprove;
    case review::Decision::Iterate:
        return ReviewCommands::kIterate;
    case review::Decision::ManualReview:
        return ReviewCommands::kManualReview;
    case review::Decision::Abort:
        return ReviewCommands::kAbort;
    }
    return ReviewCommands::kManualReview;
}

// The first word from `from` on, skipping global options (and their values):
// a command option first (`review --diff FILE`) means no verb follows.
const std::string* firstWordAfter(const std::vector<std::string>& args, std::size_t from)
{
    for (std::size_t i = from; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg.size() < 2 || arg[0] != '-')
            return &arg;
        const auto options = ClientConfig::options();
        const auto global = std::find_if(options.begin(), options.end(), [&](const auto& o) {
            return "--" + o.name == arg.substr(0, arg.find('='));
        });
        if (global == options.end())
            return nullptr;
        if (global->takesValue() && arg.find('=') == std::string::npos)
            ++i;
    }
    return nullptr;
}

bool isVerb(const std::string& word)
{
    return word == ReviewDiffCommand::kVerb || ReviewDecisionCommands::handles(word);
}

} // namespace

std::vector<CommandSpec> ReviewCommands::specs()
{
    std::vector<CommandSpec> specs{
        {kGroup,
         "",
         "--diff FILE [--json] [options]",
         "Review a unified diff offline: secrets, security patterns, policy, risk, decision",
         "Runs Builder's automated reviewer in this process on any patch (git diff, git "
         "format-patch or diff -u output); builderd is not needed. Only added lines are "
         "scanned. Prints every finding (severity, rule, file:line, message, fix), the risk "
         "score and the decision; --json prints the ReviewPatchResponse the ReviewPatch RPC "
         "returns.\n"
         "Thresholds come from MAX_RISK_SCORE, MAX_CRITICAL_ISSUES, MAX_HIGH_ISSUES, "
         "BLOCK_ON_SECRETS and MAX_ITERATIONS in the environment, overridden by the options.\n"
         "Exit status: 0 approve, 10 iterate, 11 manual_review, 12 abort, 2 usage error or "
         "malformed diff.\n"
         "Example:\n"
         "  git diff origin/main... | builderctl review --diff - --forbidden 'deploy/**'",
         0,
         0,
         {{"diff", "FILE", "The unified diff to review (required); '-' reads stdin"},
          {"forbidden", "GLOB", "A path no change may touch (repeatable, comma-separated)", true},
          {"plan-file", "GLOB",
           "A planned target file; changes elsewhere are reported (repeatable)", true},
          {"max-risk-score", "N", "Highest risk score that can be approved, 0-100 (default 50)"},
          {"max-critical", "N", "Critical findings allowed (default 0)"},
          {"max-high", "N", "High findings allowed (default 2)"},
          {"block-on-secrets", "BOOL",
           "Abort when a secret is found: true or false (default true)"},
          {"iteration", "N", "The code-generation round that produced the diff (default 1)"},
          {"max-iterations", "N", "Rounds before iterate turns into manual_review (default 3)"},
          {"large-deletion", "LINES", "Deleted lines that count as very large (default 500)"},
          {"report", "FILE", "Also write the analysis report (Markdown; JSON for *.json)"}}}};
    // The human review of an execution, beside the offline review.
    specs.push_back(ReviewDiffCommand::spec());
    for (auto& spec : ReviewDecisionCommands::specs())
        specs.push_back(std::move(spec));
    return specs;
}

std::vector<std::string> ReviewCommands::argsWithVerb(const std::vector<std::string>& args)
{
    std::vector<std::string> valued;
    for (const auto& option : ClientConfig::options()) {
        if (option.takesValue())
            valued.push_back("--" + option.name);
    }
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--")
            break;
        if (arg.size() > 1 && arg[0] == '-') {
            if (std::find(valued.begin(), valued.end(), arg) != valued.end())
                ++i; // its value
            continue;
        }
        if (arg != kGroup)
            return args;
        if (const auto* next = firstWordAfter(args, i + 1); next && isVerb(*next))
            return args;
        std::vector<std::string> out(args.begin(), args.begin() + static_cast<long>(i) + 1);
        out.emplace_back();
        out.insert(out.end(), args.begin() + static_cast<long>(i) + 1, args.end());
        return out;
    }
    return args;
}

int ReviewCommands::run(const std::string& verb, const ParsedArgs& args, Session& session)
{
    if (verb == ReviewDiffCommand::kVerb)
        return ReviewDiffCommand::run(args, session);
    if (ReviewDecisionCommands::handles(verb))
        return ReviewDecisionCommands::run(verb, args, session);
    if (!verb.empty())
        return usage(session, usageError("unknown command 'review " + verb + "'"));
    const auto diffPath = args.value("diff");
    if (!diffPath || diffPath->empty())
        return usage(session, usageError("--diff is required (a patch file; '-' reads stdin)"));
    auto input = inputFrom(args, session.environment());
    if (!input.ok())
        return usage(session, input.error());
    auto patch = InputFile::read("diff", *diffPath);
    if (!patch.ok())
        return usage(session, patch.error());
    const review::Reviewer reviewer;
    auto report = reviewer.reviewPatch(*patch, std::move(*input));
    if (!report.ok())
        return usage(session, report.error());
    if (const auto reportPath = args.value("report")) {
        if (!writeReport(*reportPath, *report))
            return usage(session, usageError("--report: cannot write '" + *reportPath + "'"));
    }
    session.printer().print(ReviewView::toProto(*report),
                            [&] { return ReviewView::text(*report); });
    return exitCodeFor(report->decision);
}

} // namespace builder::ctl
