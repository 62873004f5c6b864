#pragma once

#include "common/Result.h"
#include "executor/BuildPlan.h"

#include <filesystem>
#include <map>
#include <string>

namespace builder::executor {

// Decides what a verification runs, per item, highest first: the properties
// (`build_command`, `test_command`, `test_reports`, `coverage_reports`), then
// `.builder.toml`, then detection. The plan's `detection` says which won.
class CommandResolver
{
public:
    static common::Result<BuildPlan> resolve(const std::filesystem::path& workspace,
                                             const std::map<std::string, std::string>& properties,
                                             bool allowNetwork);
};

} // namespace builder::executor
