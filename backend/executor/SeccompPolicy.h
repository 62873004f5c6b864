#pragma once

#include "common/Result.h"

#include <string>
#include <vector>

namespace builder::executor {

// The seccomp filter loaded into every sandbox before the command runs: a
// deny list of the kernel interfaces sandboxed code has no business with
// (debugging other processes, mounts, namespaces, keyrings, BPF, perf,
// userfaultfd, io_uring, terminal injection, vsock to the hypervisor). Denied
// calls fail with EPERM, or ENOSYS where callers are known to fall back.
class SeccompPolicy
{
public:
    struct Rule
    {
        std::string syscall;
        std::string condition; // "" = always; else a readable description
        int errnoValue;
    };

    // The rules, for the doctor and the docs.
    static const std::vector<Rule>& rules();

    // The filter compiled to a classic BPF program (as bwrap --seccomp reads
    // it) for the native architecture plus its compat ABIs (x86 and x32 on
    // x86_64), so a 32-bit syscall entry cannot bypass a rule.
    static common::Result<std::string> compile();
};

} // namespace builder::executor
