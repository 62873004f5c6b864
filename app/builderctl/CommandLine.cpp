#include "CommandLine.h"

#include "UsageError.h"

#include <algorithm>

namespace builder::ctl {

namespace {

bool looksLikeOption(const std::string& arg)
{
    return arg.size() > 1 && arg[0] == '-' && arg != "--";
}

std::string optionName(const std::string& arg)
{
    return arg.substr(0, arg.find('='));
}

} // namespace

CommandLine::CommandLine(std::vector<OptionSpec> globals, std::vector<CommandSpec> commands)
    : m_globals(std::move(globals)), m_commands(std::move(commands))
{}

const CommandSpec* CommandLine::find(const std::string& group, const std::string& verb) const
{
    for (const auto& spec : m_commands) {
        if (spec.group == group && spec.verb == verb)
            return &spec;
    }
    return nullptr;
}

bool CommandLine::isGroup(const std::string& group) const
{
    return std::any_of(m_commands.begin(), m_commands.end(),
                       [&](const CommandSpec& spec) { return spec.group == group; });
}

std::vector<std::string> CommandLine::verbs(const std::string& group) const
{
    std::vector<std::string> result;
    for (const auto& spec : m_commands) {
        if (spec.group == group)
            result.push_back(spec.verb);
    }
    return result;
}

std::string CommandLine::verbList(const std::string& group) const
{
    std::string list;
    for (const auto& verb : verbs(group))
        list += (list.empty() ? "" : ", ") + verb;
    return list;
}

bool CommandLine::wantsHelp(const std::vector<std::string>& args, std::size_t from)
{
    for (std::size_t i = from; i < args.size() && args[i] != "--"; ++i) {
        if (args[i] == "--help" || args[i] == "-h")
            return true;
    }
    return false;
}

common::Result<bool> CommandLine::consumeOption(const std::vector<std::string>& args,
                                                std::size_t& i,
                                                const std::vector<const OptionSpec*>& specs,
                                                ParsedArgs& out)
{
    const std::string& arg = args[i];
    if (arg.rfind("--", 0) != 0)
        return false;
    const auto eq = arg.find('=');
    const std::string name = arg.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
    const auto it = std::find_if(specs.begin(), specs.end(),
                                 [&](const OptionSpec* spec) { return spec->name == name; });
    if (it == specs.end())
        return false;
    const OptionSpec& spec = **it;

    std::string value;
    if (spec.takesValue()) {
        if (eq != std::string::npos) {
            value = arg.substr(eq + 1);
        } else if (i + 1 < args.size()) {
            value = args[++i];
        } else {
            return usageError("option --" + name + " requires a value (" + spec.valueName + ")");
        }
    } else if (eq != std::string::npos) {
        return usageError("option --" + name + " does not take a value");
    }
    if (!spec.repeatable && out.has(name))
        return usageError("option --" + name + " given more than once");
    out.add(name, std::move(value));
    ++i;
    return true;
}

common::Result<Invocation> CommandLine::parse(const std::vector<std::string>& args) const
{
    Invocation invocation;
    std::vector<const OptionSpec*> globals;
    for (const auto& spec : m_globals)
        globals.push_back(&spec);

    std::vector<std::string> words;
    std::size_t i = 0;
    while (i < args.size() && words.size() < 2) {
        const std::string& arg = args[i];
        if (arg == "--help" || arg == "-h") {
            invocation.help = true;
            ++i;
            continue;
        }
        if (arg == "--version") {
            invocation.version = true;
            ++i;
            continue;
        }
        if (arg == "--")
            return usageError("missing command before '--'");
        if (looksLikeOption(arg)) {
            auto consumed = consumeOption(args, i, globals, invocation.args);
            if (!consumed.ok())
                return consumed.error();
            if (!*consumed) {
                if (invocation.help)
                    ++i; // help wins over a stray option
                else
                    return usageError("unknown option " + optionName(arg) +
                                      " (command options go after the command)");
            }
            continue;
        }
        words.push_back(arg);
        ++i;
        if (words.front() == "help") {
            invocation.help = true;
            for (; i < args.size(); ++i) {
                if (!looksLikeOption(args[i]))
                    invocation.helpTopic.push_back(args[i]);
            }
            return invocation;
        }
        if (!isGroup(words.front())) {
            if (invocation.help || wantsHelp(args, i))
                break; // Cli reports the unknown topic with the help text
            return usageError("unknown command '" + words.front() + "'");
        }
    }

    if (invocation.version && words.empty())
        return invocation;
    if (invocation.help || wantsHelp(args, i)) {
        invocation.help = true;
        invocation.helpTopic = words;
        return invocation;
    }
    if (words.empty())
        return usageError("missing command");
    if (words.size() == 1)
        return usageError("missing command after '" + words[0] +
                          "' (one of: " + verbList(words[0]) + ")");
    invocation.command = find(words[0], words[1]);
    if (!invocation.command)
        return usageError("unknown command '" + words[0] + " " + words[1] +
                          "' (one of: " + verbList(words[0]) + ")");
    return parseCommand(args, i, std::move(invocation));
}

common::Result<Invocation> CommandLine::parseCommand(const std::vector<std::string>& args,
                                                     std::size_t i, Invocation invocation) const
{
    const CommandSpec& spec = *invocation.command;
    std::vector<const OptionSpec*> options;
    for (const auto& option : spec.options)
        options.push_back(&option);
    for (const auto& option : m_globals)
        options.push_back(&option);

    while (i < args.size()) {
        const std::string& arg = args[i];
        if (arg == "--") {
            for (++i; i < args.size(); ++i)
                invocation.args.addPositional(args[i]);
            break;
        }
        if (looksLikeOption(arg)) {
            auto consumed = consumeOption(args, i, options, invocation.args);
            if (!consumed.ok())
                return consumed.error();
            if (!*consumed)
                return usageError("unknown option " + optionName(arg) + " for '" + spec.name() +
                                  "'");
            continue;
        }
        invocation.args.addPositional(arg);
        ++i;
    }

    const auto& positionals = invocation.args.positionals();
    if (positionals.size() > spec.maxPositionals)
        return usageError("unexpected argument '" + positionals[spec.maxPositionals] + "' for '" +
                          spec.name() + "'");
    if (positionals.size() < spec.minPositionals)
        return usageError("missing argument for '" + spec.name() + "' (usage: " + spec.name() +
                          " " + spec.synopsis + ")");
    return invocation;
}

} // namespace builder::ctl
