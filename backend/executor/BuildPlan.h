#pragma once

#include <map>
#include <string>
#include <vector>

namespace builder::executor {

// The commands of one verification and where to find their reports, with a
// sentence saying where each came from (properties, .builder.toml, detection).
struct BuildPlan
{
    std::string buildSystem;                // "cmake", "cargo", ..., "" when nothing detected
    std::string detection;                  // for events: what was found, what was chosen
    std::vector<std::string> buildCommands; // shell commands, run in order with /bin/sh -c
    std::vector<std::string> testCommands;
    std::vector<std::string> reportGlobs;   // JUnit XML files the test commands write
    std::vector<std::string> coverageGlobs; // coverage reports, copied when produced
    std::map<std::string, std::string> env; // extra environment for every command
};

} // namespace builder::executor
