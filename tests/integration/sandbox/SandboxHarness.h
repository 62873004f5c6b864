#pragma once

#include "executor/BubblewrapSandbox.h"
#include "executor/ExecutorConfig.h"

#include <QTemporaryDir>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace builder::tests {

// Shared by the sandbox escape tests: a real bubblewrap sandbox, a workspace
// holding the sandbox_probe payload, runs that capture the output, the same
// probe run on the host as the control, and /proc scans for leftovers.
class SandboxHarness
{
public:
    struct Run
    {
        bool ok = false;
        std::string error;
        executor::RunResult result;
        std::string output; // stdout + stderr
        std::string system; // the executor's own notes
    };

    explicit SandboxHarness(executor::ExecutorConfig config = {});

    bool ready() const { return m_sandbox != nullptr; }
    const std::string& setupError() const { return m_setupError; }
    executor::BubblewrapSandbox& sandbox() { return *m_sandbox; }
    const std::filesystem::path& workspace() const { return m_workspace; }

    // Runs /workspace/sandbox_probe with `args` in the sandbox.
    Run probe(const std::vector<std::string>& args,
              std::chrono::milliseconds timeout = std::chrono::seconds(20),
              const executor::ResourceLimits& limits = {}, bool allowNetwork = false,
              const common::CancelToken& cancel = {});
    Run shell(const std::string& script,
              std::chrono::milliseconds timeout = std::chrono::seconds(20));

    // Any command line in the sandbox.
    Run run(std::vector<std::string> argv, std::chrono::milliseconds timeout,
            const executor::ResourceLimits& limits, bool allowNetwork,
            const common::CancelToken& cancel);

    // The probe run directly on the host, as builderd's own user: the control.
    static std::string control(const std::vector<std::string>& args);

    // Processes whose command line contains `marker`.
    static int countProcesses(const std::string& marker);
    // Processes (zombies included) whose command name is `comm`.
    static int countByComm(const std::string& comm);
    // The value after "<kind> <key> " in the probe's output ("" when absent).
    static std::string value(const std::string& output, const std::string& kind,
                             const std::string& key);
    static std::string probePath();

private:
    QTemporaryDir m_dir;
    std::filesystem::path m_workspace;
    std::unique_ptr<executor::BubblewrapSandbox> m_sandbox;
    std::string m_setupError;
};

} // namespace builder::tests
