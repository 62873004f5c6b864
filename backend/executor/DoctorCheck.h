#pragma once

#include <string>

namespace builder::executor {

// One line of `builderd doctor`: what was checked, how it went, how to fix it.
struct DoctorCheck
{
    enum class Status
    {
        Ok,
        Warn, // works, degraded (e.g. no cgroups: rlimits only)
        Fail  // the sandbox cannot work
    };
    std::string name;
    Status status = Status::Ok;
    std::string detail;
    std::string fix;
};

} // namespace builder::executor
