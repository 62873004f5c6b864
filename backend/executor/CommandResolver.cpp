#include "CommandResolver.h"

#include "BuildSystemDetector.h"
#include "BuilderToml.h"

#include <sstream>

namespace builder::executor {

namespace {

std::string property(const std::map<std::string, std::string>& properties, const char* key)
{
    const auto it = properties.find(key);
    if (it == properties.end() || it->second.find_first_not_of(" \t\r\n") == std::string::npos)
        return {};
    return it->second;
}

std::vector<std::string> globList(const std::string& value)
{
    std::vector<std::string> globs;
    std::stringstream stream(value);
    std::string item;
    while (std::getline(stream, item, ',')) {
        const auto first = item.find_first_not_of(" \t");
        const auto last = item.find_last_not_of(" \t");
        if (first != std::string::npos)
            globs.push_back(item.substr(first, last - first + 1));
    }
    return globs;
}

} // namespace

common::Result<BuildPlan>
CommandResolver::resolve(const std::filesystem::path& workspace,
                         const std::map<std::string, std::string>& properties, bool allowNetwork)
{
    auto toml = BuilderToml::load(workspace);
    if (!toml.ok())
        return toml.error();
    const BuildPlan detected = BuildSystemDetector::detect(workspace, allowNetwork);
    BuildPlan plan;
    plan.buildSystem = detected.buildSystem;
    plan.env = detected.env;
    std::string buildFrom = "detected " + detected.detection;
    std::string testFrom = buildFrom;
    plan.buildCommands = detected.buildCommands;
    plan.testCommands = detected.testCommands;
    plan.reportGlobs = detected.reportGlobs;
    plan.coverageGlobs = detected.coverageGlobs;

    if (const auto& file = toml->value_or(BuilderToml{}); toml->has_value()) {
        if (file.buildCommands) {
            plan.buildCommands = *file.buildCommands;
            buildFrom = ".builder.toml [build]";
        }
        if (file.testCommands) {
            plan.testCommands = *file.testCommands;
            testFrom = ".builder.toml [test]";
            // The detected report paths belong to the detected commands.
            plan.reportGlobs.clear();
            plan.coverageGlobs.clear();
        }
        if (!file.reports.empty())
            plan.reportGlobs = file.reports;
        if (!file.coverage.empty())
            plan.coverageGlobs = file.coverage;
        for (const auto& [name, value] : file.env)
            plan.env[name] = value;
    }
    if (const auto build = property(properties, "build_command"); !build.empty()) {
        plan.buildCommands = {build};
        buildFrom = "property build_command";
    }
    if (const auto test = property(properties, "test_command"); !test.empty()) {
        plan.testCommands = {test};
        testFrom = "property test_command";
        plan.reportGlobs.clear();
        plan.coverageGlobs.clear();
    }
    if (const auto reports = property(properties, "test_reports"); !reports.empty())
        plan.reportGlobs = globList(reports);
    if (const auto coverage = property(properties, "coverage_reports"); !coverage.empty())
        plan.coverageGlobs = globList(coverage);
    for (const auto& glob : plan.reportGlobs)
        if (glob.empty() || glob.front() == '/' || glob.find("..") != std::string::npos)
            return common::Error::invalid("properties.test_reports", "path.inside",
                                          "report path \"" + glob +
                                              "\" must be relative and stay inside the repository");

    const auto describe = [](const std::vector<std::string>& commands) {
        if (commands.empty())
            return std::string("none");
        std::string text;
        for (const auto& command : commands)
            text += (text.empty() ? "" : " && ") + command;
        return text;
    };
    plan.detection = "build (" + buildFrom + "): " + describe(plan.buildCommands) + "; test (" +
                     testFrom + "): " + describe(plan.testCommands);
    return plan;
}

} // namespace builder::executor
