#pragma once

#include "Environment.h"
#include "OptionSpec.h"
#include "ParsedArgs.h"
#include "common/Result.h"
#include "feature/repository/v1/repository.pb.h"

#include <optional>
#include <string>
#include <vector>

namespace builder::ctl {

// Builds a repository Credential from options. Secrets come only from a file
// or an environment variable, never from an argument: arguments are visible
// to every local user in the process list.
class CredentialArgs
{
public:
    static std::vector<OptionSpec> options();
    // nullopt when no credential option was given.
    static common::Result<std::optional<feature::repository::v1::Credential>>
    build(const ParsedArgs& args, const Environment& env);

private:
    static common::Result<std::string>
    fromEnvironment(const std::string& option, const ParsedArgs& args, const Environment& env);
};

} // namespace builder::ctl
