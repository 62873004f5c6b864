#pragma once

#include "executor/DoctorCheck.h"
#include "executor/ExecutorConfig.h"

#include <string>
#include <vector>

namespace builder::executor {

// Checks everything the bubblewrap sandbox needs on this machine (bubblewrap
// and its version, user namespaces, seccomp, cgroups, the unprivileged uid)
// and finally runs a probe inside a real sandbox to confirm the isolation
// (no_new_privs, seccomp mode 2, no capabilities, mapped uid, loopback only).
class SandboxDoctor
{
public:
    explicit SandboxDoctor(ExecutorConfig config);

    std::vector<DoctorCheck> run() const;

    static bool usable(const std::vector<DoctorCheck>& checks);
    // Human-readable report, one check per line with its fix below it.
    static std::string format(const std::vector<DoctorCheck>& checks);
    // The failing checks in one paragraph, for FailedPrecondition errors.
    static std::string diagnostic(const std::vector<DoctorCheck>& checks);

private:
    DoctorCheck liveProbe() const;

    ExecutorConfig m_config;
};

} // namespace builder::executor
