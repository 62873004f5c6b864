#pragma once

#include "executor/CgroupSupport.h"
#include "executor/EtcSnapshot.h"
#include "executor/ExecutorConfig.h"
#include "executor/Sandbox.h"
#include "executor/SandboxUser.h"

#include <memory>
#include <string>

namespace builder::executor {

// The bubblewrap sandbox: new user, pid, net, ipc, uts and cgroup namespaces,
// read-only system, writable workspace, private /tmp, cleared environment, no
// inherited descriptors, seccomp, rlimits and (where writable) cgroups. When
// builderd is root the workspace is handed to the unprivileged sandbox uid for
// the run and bwrap is exec'd as that uid. Killing the sandbox's pid-namespace
// init (and bwrap) takes the whole tree with it.
class BubblewrapSandbox : public Sandbox
{
public:
    // Fails (FailedPrecondition) when bwrap, the sandbox user or the seccomp
    // filter is unusable; the doctor explains the details.
    static common::Result<std::unique_ptr<BubblewrapSandbox>> create(const ExecutorConfig& config);

    common::Result<RunResult> run(const SandboxSpec& spec, const OutputSink& sink,
                                  const common::CancelToken& cancel) override;
    std::string describe(bool allowNetwork) const override;
    std::string workspaceInside(const SandboxSpec& spec) const override;

    const std::string& bwrapPath() const { return m_bwrap; }
    const std::string& bwrapVersion() const { return m_version; }
    const CgroupSupport::Probe& cgroups() const { return m_cgroups; }
    const SandboxUser& user() const { return m_user; }
    EtcSnapshot& etc() const { return *m_etc; }

    // bwrap's absolute path from the setting, /usr/bin/bwrap or $PATH ("" if none).
    static std::string findBwrap(const std::string& configured);
    // `bwrap --version` ("0.8.0"), "" when it does not run.
    static std::string queryVersion(const std::string& bwrap);

private:
    BubblewrapSandbox() = default;

    ExecutorConfig m_config;
    std::string m_bwrap;
    std::string m_version;
    std::string m_seccomp; // compiled BPF program
    SandboxUser m_user;
    CgroupSupport::Probe m_cgroups;
    std::unique_ptr<EtcSnapshot> m_etc;
};

} // namespace builder::executor
