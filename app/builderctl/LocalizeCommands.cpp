#include "LocalizeCommands.h"

#include "ArgValues.h"
#include "ClientConfig.h"
#include "ErrorPrinter.h"
#include "ExitCode.h"
#include "InputFile.h"
#include "LocalLocalizeSource.h"
#include "LocalizeView.h"
#include "RemoteLocalizeSource.h"
#include "Session.h"
#include "TextWidth.h"
#include "UsageError.h"

#include <algorithm>
#include <filesystem>

namespace builder::ctl {

namespace {

constexpr std::int32_t kDefaultTop = 20;
constexpr std::int32_t kDefaultBudget = 8000;
constexpr std::int32_t kMaxBudget = 1000000;

// $XDG_CACHE_HOME/builder/localize, else ~/.cache/builder/localize; empty when
// neither is known (then nothing is cached).
std::string defaultCacheDir(const Environment& env)
{
    if (auto xdg = env.get("XDG_CACHE_HOME"))
        return *xdg + "/builder/localize";
    if (auto home = env.get("HOME"))
        return *home + "/.cache/builder/localize";
    return {};
}

common::Result<localize::SymbolSource> symbolSource(const std::string& text)
{
    if (text == "auto")
        return localize::SymbolSource::Auto;
    if (text == "builtin")
        return localize::SymbolSource::Builtin;
    if (text == "ctags")
        return localize::SymbolSource::Ctags;
    return usageError("--symbols: expected auto, builtin or ctags, not '" + text + "'");
}

common::Result<localize::LocalizeRequest> requestFrom(const ParsedArgs& args,
                                                      const Environment& env)
{
    localize::LocalizeRequest request;
    const auto repo = args.value("repo");
    if (!repo || repo->empty())
        return usageError("--repo is required (a local repository folder, or a registered "
                          "repository's name or id)");
    const auto spec = args.value("spec");
    if (!spec || spec->empty())
        return usageError("--spec is required (a file holding the feature spec; '-' reads stdin)");
    request.root = *repo;
    auto text = InputFile::read("spec", *spec);
    if (!text.ok())
        return text.error();
    request.query = std::move(*text);
    request.topK = kDefaultTop;
    if (auto top = args.value("top")) {
        auto value = ArgValues::int32("top", *top);
        if (!value.ok())
            return value.error();
        if (*value < 1 || *value > static_cast<std::int32_t>(localize::LocalizeRequest::kMaxTopK))
            return usageError("--top: must be between 1 and " +
                              std::to_string(localize::LocalizeRequest::kMaxTopK));
        request.topK = static_cast<std::size_t>(*value);
    }
    request.tokenBudget = kDefaultBudget;
    if (auto budget = args.value("budget")) {
        auto value = ArgValues::int32("budget", *budget);
        if (!value.ok())
            return value.error();
        if (*value < 0 || *value > kMaxBudget)
            return usageError("--budget: must be between 0 and " + std::to_string(kMaxBudget));
        request.tokenBudget = static_cast<std::uint64_t>(*value);
    }
    if (auto symbols = args.value("symbols")) {
        auto source = symbolSource(*symbols);
        if (!source.ok())
            return source.error();
        request.symbols = *source;
    }
    if (args.has("no-cache") && args.has("cache-dir"))
        return usageError("--no-cache and --cache-dir exclude each other");
    if (!args.has("no-cache"))
        request.cacheDir = args.value("cache-dir").value_or(defaultCacheDir(env));
    return request;
}

int usage(Session& session, const common::Error& error)
{
    session.err() << "error: " << error.message() << "\n"
                  << "Run 'builderctl localize --help' for usage.\n";
    return toInt(ExitCode::Usage);
}

int fail(Session& session, const common::Error& error)
{
    std::string out = "error: " + ErrorPrinter::codeName(static_cast<int>(error.code())) + ": " +
                      TextWidth::sanitize(error.message()) + "\n";
    for (const auto& v : error.violations())
        out += "  " + v.fieldPath + ": " + TextWidth::sanitize(v.message) + " [" + v.constraintId +
               "]\n";
    session.err() << out;
    switch (error.code()) {
    case common::StatusCode::InvalidArgument:
    case common::StatusCode::FailedPrecondition:
        return toInt(ExitCode::Usage);
    case common::StatusCode::Cancelled:
        return toInt(ExitCode::Interrupted);
    default:
        return toInt(ExitCode::ServerError);
    }
}

} // namespace

std::vector<CommandSpec> LocalizeCommands::specs()
{
    return {{kGroup,
             "",
             "--repo PATH|NAME --spec FILE [--top K] [--budget TOKENS] [options]",
             "Rank the files of a repository that a feature spec touches",
             "Lists the repository (git-tracked files, or a .gitignore-aware walk of a plain "
             "folder), ranks files by BM25 over their paths, symbols and contents, and chooses "
             "excerpts of the top files within a token budget, as the pipeline's AnalyzeImpact "
             "stage does before asking the LLM. For a local folder it runs in this process and "
             "builderd is not needed; any other --repo names a repository registered with "
             "builderd (name or id), which ranks its default branch (or --ref).\n"
             "The table shows each file's score, the symbols that matched and the tokens its "
             "excerpts cost; --json prints one document with the excerpts' text.\n"
             "Example:\n"
             "  builderctl localize --repo ~/src/api --spec feature.md --top 10",
             0,
             0,
             {{"repo", "PATH|NAME", "A local folder, or a registered repository (required)"},
              {"ref", "BRANCH", "With a registered repository: the branch to rank"},
              {"spec", "FILE", "The feature spec (required); '-' reads stdin"},
              {"top", "K", "How many files to list, 1-1000 (default 20)"},
              {"budget", "TOKENS", "Token budget for the excerpts, 0 for none (default 8000)"},
              {"symbols", "MODE",
               "auto (ctags for small repositories when installed), builtin or ctags"},
              {"cache-dir", "DIR",
               "Cache of per-file facts (default: $XDG_CACHE_HOME/builder/localize)"},
              {"no-cache", "", "Neither read nor write the cache"}}}};
}

std::vector<std::string> LocalizeCommands::argsWithVerb(const std::vector<std::string>& args)
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
        std::vector<std::string> out(args.begin(), args.begin() + static_cast<long>(i) + 1);
        out.emplace_back();
        out.insert(out.end(), args.begin() + static_cast<long>(i) + 1, args.end());
        return out;
    }
    return args;
}

int LocalizeCommands::run(const std::string& verb, const ParsedArgs& args, Session& session)
{
    if (!verb.empty())
        return usage(session, usageError("unknown command 'localize " + verb + "'"));
    std::error_code ec;
    const auto repo = args.value("repo").value_or("");
    if (!repo.empty() && !std::filesystem::is_directory(repo, ec)) {
        RemoteLocalizeSource remote(session, repo, args.value("ref").value_or(""));
        return run(args, session, remote);
    }
    if (args.has("ref"))
        return usage(session, usageError("--ref applies to registered repositories; check the "
                                         "branch out in the local folder instead"));
    LocalLocalizeSource local;
    return run(args, session, local);
}

int LocalizeCommands::run(const ParsedArgs& args, Session& session, LocalizeSource& source)
{
    auto request = requestFrom(args, session.environment());
    if (!request.ok()) {
        if (request.error().code() == common::StatusCode::FailedPrecondition)
            return fail(session, request.error());
        return usage(session, request.error());
    }
    auto result = source.localize(*request);
    if (!result.ok())
        return fail(session, result.error());
    if (session.printer().json())
        session.printer().text(LocalizeView::json(*result));
    else
        session.printer().text(LocalizeView::table(*result));
    return toInt(ExitCode::Ok);
}

} // namespace builder::ctl
