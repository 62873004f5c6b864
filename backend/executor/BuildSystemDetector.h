#pragma once

#include "executor/BuildPlan.h"

#include <filesystem>

namespace builder::executor {

// Picks build and test commands from the files at the repository root, in a
// fixed order: CMake, Cargo, Go, Maven, Gradle, npm, pytest, Make. It only
// reads files (never runs the repository's code on the host). Outputs land in
// `.builder/` (build tree, JUnit reports) so they stay out of the sources.
class BuildSystemDetector
{
public:
    static constexpr const char* kBuildDir = ".builder/build";
    static constexpr const char* kReportsDir = ".builder/reports";

    static BuildPlan detect(const std::filesystem::path& workspace, bool allowNetwork);
};

} // namespace builder::executor
