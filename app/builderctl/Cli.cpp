#include "Cli.h"

#include "AdminCommands.h"
#include "ClientConfig.h"
#include "ExitCode.h"
#include "FeatureCommands.h"
#include "HelpText.h"
#include "LocalizeCommands.h"
#include "Printer.h"
#include "RepoCommands.h"
#include "ReviewCommands.h"
#include "Session.h"

namespace builder::ctl {

namespace {

std::vector<CommandSpec> allCommands()
{
    auto commands = RepoCommands::specs();
    const auto features = FeatureCommands::specs();
    commands.insert(commands.end(), features.begin(), features.end());
    const auto localize = LocalizeCommands::specs();
    commands.insert(commands.end(), localize.begin(), localize.end());
    const auto review = ReviewCommands::specs();
    commands.insert(commands.end(), review.begin(), review.end());
    const auto admin = AdminCommands::specs();
    commands.insert(commands.end(), admin.begin(), admin.end());
    return commands;
}

} // namespace

Cli::Cli() : m_commandLine(ClientConfig::options(), allCommands()) {}

int Cli::help(const std::vector<std::string>& topic, std::ostream& out, std::ostream& err) const
{
    const auto& globals = m_commandLine.globals();
    const auto& commands = m_commandLine.commands();
    if (topic.empty()) {
        out << HelpText::program(globals, commands);
        return toInt(ExitCode::Ok);
    }
    if (topic.size() >= 2) {
        if (const auto* spec = m_commandLine.find(topic[0], topic[1])) {
            out << HelpText::command(*spec, globals);
            return toInt(ExitCode::Ok);
        }
    } else if (m_commandLine.isGroup(topic[0])) {
        out << HelpText::group(topic[0], commands);
        return toInt(ExitCode::Ok);
    }
    std::string words;
    for (const auto& word : topic)
        words += (words.empty() ? "" : " ") + word;
    err << "error: no help for unknown command '" << words << "'\n"
        << "Run 'builderctl help' for the list of commands.\n";
    return toInt(ExitCode::Usage);
}

int Cli::run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
             const Environment& env) const
{
    if (args.empty()) {
        err << HelpText::program(m_commandLine.globals(), m_commandLine.commands());
        return toInt(ExitCode::Usage);
    }
    auto invocation = m_commandLine.parse(AdminCommands::argsWithVerb(
        ReviewCommands::argsWithVerb(LocalizeCommands::argsWithVerb(args))));
    if (!invocation.ok()) {
        err << "error: " << invocation.error().message() << "\n"
            << "Run 'builderctl help' for usage.\n";
        return toInt(ExitCode::Usage);
    }
    if (invocation->version && !invocation->command) {
        out << "builderctl " << BUILDER_VERSION << "\n";
        return toInt(ExitCode::Ok);
    }
    if (invocation->help)
        return help(invocation->helpTopic, out, err);

    const CommandSpec& command = *invocation->command;
    Printer printer(invocation->args.has("json"), out);
    auto config = ClientConfig::resolve(invocation->args, env);
    if (!config.ok()) {
        err << "error: " << config.error().message() << "\n"
            << "Run 'builderctl " << command.name() << " --help' for usage.\n";
        return toInt(ExitCode::Usage);
    }
    Session session(std::move(*config), env, printer, err, command.name());
    const int code = command.group == AdminCommands::kGroup
                         ? AdminCommands::run(command.verb, invocation->args, session)
                     : command.group == ReviewCommands::kGroup
                         ? ReviewCommands::run(command.verb, invocation->args, session)
                     : command.group == LocalizeCommands::kGroup
                         ? LocalizeCommands::run(command.verb, invocation->args, session)
                     : command.group == RepoCommands::kGroup
                         ? RepoCommands::run(command.verb, invocation->args, session)
                         : FeatureCommands::run(command.verb, invocation->args, session);
    printer.flush();
    return code;
}

} // namespace builder::ctl
