#pragma once

namespace builder::ctl {

// Process exit codes. Scripts branch on them, so their meaning never changes.
enum class ExitCode : int
{
    Ok = 0,
    ServerError = 1,
    Usage = 2,
    Unreachable = 3,
    Interrupted = 130, // 128 + SIGINT, what a shell reports for Ctrl-C
};

inline int toInt(ExitCode code)
{
    return static_cast<int>(code);
}

} // namespace builder::ctl
