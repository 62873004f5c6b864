#pragma once

#include "common/CancelToken.h"
#include "executor/OutputCollector.h"

#include <chrono>
#include <functional>
#include <optional>
#include <sys/resource.h>
#include <sys/types.h>

namespace builder::executor {

// Watches one launched child until it and its output are done: drains stdout
// and stderr into an OutputCollector, reads bubblewrap's JSON status stream,
// and calls `killTree` on timeout or cancel: killTree(false) first, then
// killTree(true) every second until the child is reaped (so a sandbox can
// first kill its init and let bwrap reap it, and only then kill bwrap itself).
// Runs on the caller's thread.
class ProcessSupervisor
{
public:
    struct Io
    {
        int stdoutFd = -1; // read ends, owned (closed) by the supervisor
        int stderrFd = -1;
        int statusFd = -1; // bwrap --json-status-fd, or -1
    };

    struct Outcome
    {
        int waitStatus = 0;
        rusage usage{};
        bool timedOut = false;
        bool cancelled = false;
        std::optional<int> reportedExitCode; // bwrap's "exit-code": the command ran
        pid_t innerPid = -1;                 // bwrap's "child-pid" (the sandbox's init)
        bool outputLeftOpen = false;         // pipes still held after the drain bound
    };

    // `onInnerPid` is called as soon as bwrap reports its child's pid.
    static Outcome supervise(pid_t pid, int pidfd, Io io, OutputCollector& output,
                             std::chrono::steady_clock::time_point deadline,
                             const common::CancelToken& cancel,
                             const std::function<void(bool hard)>& killTree,
                             const std::function<void(pid_t)>& onInnerPid);
};

} // namespace builder::executor
