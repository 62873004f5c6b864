#include "DirectSandbox.h"

#include "BubblewrapCommandLine.h"
#include "CgroupScope.h"
#include "ChildLauncher.h"
#include "OutputCollector.h"
#include "ProcessSupervisor.h"
#include "SpecCheck.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace builder::executor {

namespace {

using common::Error;

std::string lookup(const std::string& command, const std::string& path)
{
    if (command.find('/') != std::string::npos)
        return command;
    std::istringstream dirs(path);
    std::string dir;
    while (std::getline(dirs, dir, ':')) {
        const std::string candidate = dir + "/" + command;
        if (access(candidate.c_str(), X_OK) == 0)
            return candidate;
    }
    return {};
}

} // namespace

DirectSandbox::DirectSandbox(ExecutorConfig config) : m_config(std::move(config))
{
    if (m_config.cgroups != "off")
        m_cgroups = CgroupSupport::detect(m_config.cgroupParent);
}

std::string DirectSandbox::describe(bool allowNetwork) const
{
    return kDescription;
}

std::string DirectSandbox::workspaceInside(const SandboxSpec& spec) const
{
    return spec.cwd.empty() ? spec.workspace.string() : (spec.workspace / spec.cwd).string();
}

common::Result<RunResult> DirectSandbox::run(const SandboxSpec& spec, const OutputSink& sink,
                                             const common::CancelToken& cancel)
{
    if (auto status = SpecCheck::validate(spec); !status.ok())
        return status.error();
    const auto started = std::chrono::steady_clock::now();
    OutputCollector output(sink, spec.outputCapBytes, spec.tailBytes);
    output.system(kDescription);

    std::unique_ptr<CgroupScope> scope;
    if (m_cgroups.usable) {
        auto created = CgroupScope::create(m_cgroups, spec.limits);
        if (created.ok())
            scope = std::move(created).value();
    }
    // A private, throw-away home so the command does not read builderd's.
    char homeTemplate[] = "/tmp/builder-home-XXXXXX";
    const char* home = mkdtemp(homeTemplate);
    if (!home)
        return Error::unavailable("cannot create a private home directory");
    struct HomeGuard
    {
        std::string path;
        ~HomeGuard()
        {
            std::error_code ignored;
            std::filesystem::remove_all(path, ignored);
        }
    } homeGuard{home};

    auto env = BubblewrapCommandLine::baseEnvironment(workspaceInside(spec));
    env["HOME"] = home;
    for (const auto& [name, value] : spec.env)
        env[name] = value;
    const std::string executable = lookup(spec.argv[0], env["PATH"]);
    if (executable.empty())
        return Error::invalid("argv", "command.found", spec.argv[0] + ": command not found");

    int outPipe[2], errPipe[2];
    if (pipe2(outPipe, O_CLOEXEC) != 0)
        return Error::unavailable("pipe2 failed");
    if (pipe2(errPipe, O_CLOEXEC) != 0) {
        close(outPipe[0]);
        close(outPipe[1]);
        return Error::unavailable("pipe2 failed");
    }
    const int devnull = open("/dev/null", O_RDONLY | O_CLOEXEC);
    SpawnPlan plan;
    plan.executable = executable;
    plan.argv = spec.argv;
    for (const auto& [name, value] : env)
        plan.envp.push_back(name + "=" + value);
    plan.fds = {{devnull, 0}, {outPipe[1], 1}, {errPipe[1], 2}};
    plan.rlimits = {{RLIMIT_CPU, spec.limits.cpuSeconds},
                    {RLIMIT_FSIZE, spec.limits.fileSizeBytes},
                    {RLIMIT_NOFILE, spec.limits.openFiles},
                    {RLIMIT_CORE, 0}};
    if (spec.limits.addressSpaceBytes > 0)
        plan.rlimits.push_back({RLIMIT_AS, spec.limits.addressSpaceBytes});
    if (scope)
        plan.cgroupProcsFiles = scope->procsFiles();
    plan.chdirTo = workspaceInside(spec);
    auto child = ChildLauncher::spawn(plan);
    close(outPipe[1]);
    close(errPipe[1]);
    close(devnull);
    if (!child.ok()) {
        close(outPipe[0]);
        close(errPipe[0]);
        return child.error();
    }
    const pid_t pid = child->pid;
    const auto killTree = [&](bool) {
        kill(-pid, SIGKILL);
        if (scope)
            scope->killAll(0);
    };
    auto outcome = ProcessSupervisor::supervise(
        pid, child->pidfd, ProcessSupervisor::Io{outPipe[0], errPipe[0], -1}, output,
        started + spec.timeout, cancel, killTree, {});
    close(child->pidfd);
    kill(-pid, SIGKILL); // whatever stayed in the group
    if (scope)
        scope->killAll(2000);

    RunResult result;
    result.wallTime = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - started);
    result.cpuTime = std::chrono::microseconds(
        outcome.usage.ru_utime.tv_sec * 1'000'000LL + outcome.usage.ru_utime.tv_usec +
        outcome.usage.ru_stime.tv_sec * 1'000'000LL + outcome.usage.ru_stime.tv_usec);
    result.truncated = output.truncated();
    result.outputBytes = output.totalBytes();
    result.outputTail = output.tail();
    result.timedOut = outcome.timedOut;
    if (scope) {
        result.peakMemoryBytes = scope->peakMemoryBytes();
        result.oomKilled = scope->oomKilled();
    } else if (outcome.usage.ru_maxrss > 0) {
        result.peakMemoryBytes = static_cast<std::uint64_t>(outcome.usage.ru_maxrss) * 1024;
    }
    if (outcome.cancelled)
        return cancel.reason().value_or(Error(common::StatusCode::Cancelled, "cancelled"));
    if (WIFEXITED(outcome.waitStatus)) {
        result.exitCode = WEXITSTATUS(outcome.waitStatus);
    } else if (WIFSIGNALED(outcome.waitStatus)) {
        result.signal = WTERMSIG(outcome.waitStatus);
        result.exitCode = 128 + result.signal;
    }
    return result;
}

} // namespace builder::executor
