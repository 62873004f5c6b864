#pragma once

#include "common/Result.h"
#include "executor/SpawnPlan.h"

#include <sys/types.h>

namespace builder::executor {

// Forks and execs a SpawnPlan: new process group, default signal dispositions
// and an empty signal mask, rlimits, cgroup membership, optional private mount
// staging, privilege drop, parent-death signal, no_new_privs, exactly the
// planned descriptors (every other one closed), then execve. With
// `plan.reaper` the child stays as a subreaper that forks the exec'd process,
// reaps every orphan below it and exits with its status. A failure before
// exec comes back as an Error naming the step.
class ChildLauncher
{
public:
    struct Child
    {
        pid_t pid = -1;
        int pidfd = -1;    // owned by the caller
        pid_t worker = -1; // the exec'd process (== pid unless plan.reaper)
    };

    static common::Result<Child> spawn(const SpawnPlan& plan);
};

} // namespace builder::executor
