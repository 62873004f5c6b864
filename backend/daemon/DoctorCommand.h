#pragma once

#include <string>
#include <vector>

namespace builder::daemon {

// `builderd doctor [--sandbox-user USER] [--bwrap PATH] [--cgroups auto|require|off]`:
// checks the sandbox on this machine (bubblewrap, user namespaces, seccomp,
// cgroups, the unprivileged uid, a live probe), prints each check as ok, WARN
// or FAIL with its fix, and exits non-zero when the sandbox cannot work. The
// executor's environment variables (SANDBOX_TYPE, BUILDER_SANDBOX_*) apply.
class DoctorCommand
{
public:
    static int run(const std::vector<std::string>& args);
};

} // namespace builder::daemon
