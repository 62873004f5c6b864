#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace builder::executor {

// How one sandboxed run ended. A non-zero exit is a result, not an error.
struct RunResult
{
    int exitCode = -1;      // the command's exit code (128+n when a signal ended it)
    int signal = 0;         // the signal that ended the command, 0 when it exited
    bool timedOut = false;  // the wall clock ran out and the whole tree was killed
    bool truncated = false; // output went beyond the cap and was cut
    bool oomKilled = false; // the memory cgroup killed a process of the tree
    std::chrono::milliseconds wallTime{0};
    std::chrono::microseconds cpuTime{0};         // user + system of the tree, as far as reaped
    std::optional<std::uint64_t> peakMemoryBytes; // cgroup peak, else the largest RSS
    std::uint64_t outputBytes = 0;                // bytes produced, including those cut
    std::string outputTail;                       // last SandboxSpec::tailBytes of stdout+stderr
};

} // namespace builder::executor
