#pragma once

#include "Environment.h"
#include "ParsedArgs.h"
#include "common/Result.h"
#include "feature/repository/v1/repository.pb.h"

#include <string>

namespace builder::ctl {

// Turns parsed "repo" options into requests, before anything is sent: every
// usage error surfaces without a server.
class RepoRequests
{
public:
    static common::Result<feature::repository::v1::RegisterRequest>
    registerRequest(const ParsedArgs& args, const Environment& env);
    static common::Result<feature::repository::v1::ListRequest> list(const ParsedArgs& args);
    static common::Result<feature::repository::v1::UpdateRequest> update(const ParsedArgs& args);
    static common::Result<feature::repository::v1::UpdateCredentialsRequest>
    credentials(const ParsedArgs& args, const Environment& env);
    // The ID positional, or a usage error naming it.
    static common::Result<std::string> id(const ParsedArgs& args);
};

} // namespace builder::ctl
