#pragma once

#include "common/Error.h"
#include "common/Result.h"

#include <string>

namespace builder::core {

// What the pipeline asks of the kill switch before anything with effects (a
// lease, an LLM call, a sandbox run, a push): is work stopped, globally or
// for this repository? Implemented by core::KillSwitch.
class KillSwitchCheck
{
public:
    virtual ~KillSwitchCheck() = default;
    // Ok, or the stop as an error made by stopped().
    virtual common::Status check(const std::string& repositoryId) const = 0;

    // The error of a stop, also the reason running executions are cancelled with.
    static common::Error stopped(const std::string& scope, const std::string& reason)
    {
        return common::Error(common::StatusCode::Aborted,
                             std::string(kPrefix) + scope + ": " + reason);
    }
    static bool isStop(const common::Error& error)
    {
        return error.code() == common::StatusCode::Aborted &&
               error.message().rfind(kPrefix, 0) == 0;
    }
    static constexpr const char* kPrefix = "kill switch on for ";
};

} // namespace builder::core
