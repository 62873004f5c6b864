#include "HelpText.h"

#include <algorithm>
#include <sstream>

namespace builder::ctl {

namespace {

std::string optionLabel(const OptionSpec& option)
{
    std::string label = "--" + option.name;
    if (option.takesValue())
        label += " " + option.valueName;
    if (option.repeatable)
        label += " ...";
    return label;
}

} // namespace

std::string HelpText::wrap(const std::string& text, std::size_t indent, std::size_t firstColumn)
{
    std::string out;
    std::size_t column = firstColumn;
    std::istringstream words(text);
    std::string word;
    bool lineStart = true;
    while (words >> word) {
        if (!lineStart && column + 1 + word.size() > kWidth) {
            out += "\n" + std::string(indent, ' ');
            column = indent;
            lineStart = true;
        }
        if (!lineStart) {
            out += ' ';
            ++column;
        }
        out += word;
        column += word.size();
        lineStart = false;
    }
    return out;
}

void HelpText::appendOptions(std::string& out, const std::vector<OptionSpec>& options)
{
    std::size_t labelWidth = 0;
    for (const auto& option : options)
        labelWidth = std::max(labelWidth, optionLabel(option).size());
    labelWidth = std::min<std::size_t>(labelWidth, 28);
    const std::size_t indent = 2 + labelWidth + 2;
    for (const auto& option : options) {
        const std::string label = optionLabel(option);
        out += "  " + label;
        if (label.size() > labelWidth)
            out += "\n" + std::string(indent, ' ');
        else
            out += std::string(labelWidth - label.size() + 2, ' ');
        out += wrap(option.help, indent, indent) + "\n";
    }
}

void HelpText::appendCommands(std::string& out, const std::vector<CommandSpec>& commands,
                              const std::string& group)
{
    // One width for all groups, so the program help lines up across them.
    std::size_t width = 0;
    for (const auto& spec : commands)
        width = std::max(width, spec.name().size());
    for (const auto& spec : commands) {
        if (spec.group != group)
            continue;
        out += "  " + spec.name() + std::string(width - spec.name().size() + 2, ' ') +
               wrap(spec.summary, width + 4, width + 4) + "\n";
    }
}

std::string HelpText::program(const std::vector<OptionSpec>& globals,
                              const std::vector<CommandSpec>& commands)
{
    std::string out = "builderctl - command-line client for Builder, for scripts and CI\n\n"
                      "Usage: builderctl [global options] <command> [arguments] [options]\n";
    std::vector<std::string> groups;
    for (const auto& spec : commands) {
        if (std::find(groups.begin(), groups.end(), spec.group) == groups.end())
            groups.push_back(spec.group);
    }
    for (const auto& group : groups) {
        out += "\nCommands (" + group + "):\n";
        appendCommands(out, commands, group);
    }
    out += "\nGlobal options (anywhere on the command line):\n";
    auto options = globals;
    options.push_back({"help", "", "Show help; also -h, or: builderctl help COMMAND"});
    options.push_back({"version", "", "Show the version"});
    appendOptions(out, options);
    out += "\nOutput: tables for people on stdout; --json prints one JSON object per line.\n"
           "Diagnostics and errors go to stderr.\n"
           "\nExit codes:\n"
           "  0    success\n"
           "  1    the server returned an error\n"
           "  2    usage error (bad command, option or value)\n"
           "  3    cannot connect to builderd\n"
           "  130  interrupted (Ctrl-C)\n"
           "\nRun 'builderctl COMMAND --help' for a command's options.\n";
    return out;
}

std::string HelpText::group(const std::string& group, const std::vector<CommandSpec>& commands)
{
    std::string out = "Usage: builderctl " + group +
                      " <command> [arguments] [options]\n\n"
                      "Commands:\n";
    appendCommands(out, commands, group);
    out += "\nRun 'builderctl " + group + " COMMAND --help' for a command's options.\n";
    return out;
}

std::string HelpText::command(const CommandSpec& spec, const std::vector<OptionSpec>& globals)
{
    std::string out = "Usage: builderctl " + spec.name();
    if (!spec.synopsis.empty())
        out += " " + spec.synopsis;
    out += "\n\n" + wrap(spec.summary, 0, 0) + "\n";
    std::istringstream paragraphs(spec.description);
    std::string paragraph;
    while (std::getline(paragraphs, paragraph)) {
        // Indented paragraphs are examples: wrapping would break the command.
        const bool verbatim = paragraph.rfind("  ", 0) == 0;
        out += "\n" + (verbatim ? paragraph : wrap(paragraph, 0, 0)) + "\n";
    }
    if (!spec.options.empty()) {
        out += "\nOptions:\n";
        appendOptions(out, spec.options);
    }
    std::string names;
    for (const auto& option : globals)
        names += (names.empty() ? "--" : ", --") + option.name;
    out += "\n" + wrap("Global options: " + names + " (see 'builderctl help')", 2, 0) + "\n";
    return out;
}

} // namespace builder::ctl
