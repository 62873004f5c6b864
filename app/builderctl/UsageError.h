#pragma once

#include "common/Error.h"

#include <string>

namespace builder::ctl {

// Usage errors travel as InvalidArgument errors; Cli turns them into exit code 2.
inline common::Error usageError(std::string message)
{
    return {common::StatusCode::InvalidArgument, std::move(message)};
}

} // namespace builder::ctl
