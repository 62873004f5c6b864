#pragma once

#include "executor/CgroupSupport.h"
#include "executor/ExecutorConfig.h"
#include "executor/Sandbox.h"

namespace builder::executor {

// `sandbox = none`: runs the command directly in the workspace, as builderd's
// own user, with the cleared environment, no inherited descriptors, rlimits,
// its own process group and (where writable) a cgroup. It isolates nothing;
// it exists for operators who chose it explicitly, and says so everywhere.
class DirectSandbox : public Sandbox
{
public:
    static constexpr const char* kDescription = "UNSANDBOXED (sandbox = none set by the operator)";

    explicit DirectSandbox(ExecutorConfig config);

    common::Result<RunResult> run(const SandboxSpec& spec, const OutputSink& sink,
                                  const common::CancelToken& cancel) override;
    std::string describe(bool allowNetwork) const override;
    std::string workspaceInside(const SandboxSpec& spec) const override;

private:
    ExecutorConfig m_config;
    CgroupSupport::Probe m_cgroups;
};

} // namespace builder::executor
