#include "BubblewrapSandbox.h"

#include "BubblewrapCommandLine.h"
#include "CgroupScope.h"
#include "ChildLauncher.h"
#include "OutputCollector.h"
#include "ProcessSupervisor.h"
#include "SeccompPolicy.h"
#include "SpecCheck.h"
#include "WorkspaceOwnership.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sstream>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace builder::executor {

namespace {

using common::Error;

// The private mount namespace's staging area (root only), see SpawnPlan.
constexpr const char* kStagingRoot = "/tmp";
constexpr const char* kStagingWorkspace = "/tmp/workspace";
constexpr const char* kStagingEtc = "/tmp/etc";

// Closes the descriptors it holds on every path out of run().
class Fds
{
public:
    ~Fds()
    {
        for (int fd : m_fds)
            if (fd >= 0)
                close(fd);
    }
    int keep(int fd)
    {
        m_fds.push_back(fd);
        return fd;
    }
    void forget(int fd)
    {
        for (int& held : m_fds)
            if (held == fd)
                held = -1;
    }
    void release(int fd)
    {
        for (int& held : m_fds)
            if (held == fd) {
                close(held);
                held = -1;
            }
    }

private:
    std::vector<int> m_fds;
};

int dataFd(const char* name, const std::string& data)
{
    const int fd = memfd_create(name, MFD_CLOEXEC);
    if (fd < 0)
        return -1;
    std::size_t written = 0;
    while (written < data.size()) {
        const ssize_t n = write(fd, data.data() + written, data.size() - written);
        if (n <= 0) {
            close(fd);
            return -1;
        }
        written += static_cast<std::size_t>(n);
    }
    lseek(fd, 0, SEEK_SET);
    return fd;
}

// The lines bwrap printed about why it could not set the sandbox up.
std::string bwrapMessages(const std::string& tail)
{
    std::istringstream lines(tail);
    std::string line;
    std::string messages;
    while (std::getline(lines, line))
        if (line.rfind("bwrap: ", 0) == 0)
            messages += (messages.empty() ? "" : "; ") + line;
    return messages.empty() ? "bwrap exited before running the command" : messages;
}

} // namespace

std::string BubblewrapSandbox::findBwrap(const std::string& configured)
{
    if (!configured.empty())
        return access(configured.c_str(), X_OK) == 0 ? configured : std::string();
    if (access("/usr/bin/bwrap", X_OK) == 0)
        return "/usr/bin/bwrap";
    const char* path = std::getenv("PATH");
    std::istringstream dirs(path ? path : "");
    std::string dir;
    while (std::getline(dirs, dir, ':')) {
        const std::string candidate = dir + "/bwrap";
        if (!dir.empty() && dir.front() == '/' && access(candidate.c_str(), X_OK) == 0)
            return candidate;
    }
    return {};
}

std::string BubblewrapSandbox::queryVersion(const std::string& bwrap)
{
    int out[2];
    if (bwrap.empty() || pipe2(out, O_CLOEXEC) != 0)
        return {};
    SpawnPlan plan;
    plan.executable = bwrap;
    plan.argv = {bwrap, "--version"};
    plan.envp = {"PATH=/usr/bin:/bin"};
    const int devnull = open("/dev/null", O_RDONLY | O_CLOEXEC);
    plan.fds = {{devnull, 0}, {out[1], 1}, {out[1], 2}};
    auto child = ChildLauncher::spawn(plan);
    close(out[1]);
    close(devnull);
    std::string text;
    if (child.ok()) {
        pollfd p{out[0], POLLIN, 0};
        char buffer[256];
        while (poll(&p, 1, 5000) > 0) {
            const ssize_t n = read(out[0], buffer, sizeof buffer);
            if (n <= 0)
                break;
            text.append(buffer, static_cast<std::size_t>(n));
        }
        kill(child->pid, SIGKILL);
        int status = 0;
        waitpid(child->pid, &status, 0);
        close(child->pidfd);
    }
    close(out[0]);
    const auto space = text.find(' ');
    if (text.rfind("bubblewrap", 0) != 0 || space == std::string::npos)
        return {};
    std::string version = text.substr(space + 1);
    while (!version.empty() && (version.back() == '\n' || version.back() == ' '))
        version.pop_back();
    return version;
}

common::Result<std::unique_ptr<BubblewrapSandbox>>
BubblewrapSandbox::create(const ExecutorConfig& config)
{
    if (auto status = config.validate(); !status.ok())
        return status.error();
    std::unique_ptr<BubblewrapSandbox> sandbox(new BubblewrapSandbox());
    sandbox->m_config = config;
    sandbox->m_bwrap = findBwrap(config.bwrapPath);
    if (sandbox->m_bwrap.empty())
        return Error::failedPrecondition(
            "bubblewrap not found" +
            (config.bwrapPath.empty() ? std::string() : " at " + config.bwrapPath) +
            ": install it (apt-get install bubblewrap) and run `builderd doctor`");
    sandbox->m_version = queryVersion(sandbox->m_bwrap);
    if (sandbox->m_version.empty())
        return Error::failedPrecondition(sandbox->m_bwrap +
                                         " --version did not answer like bubblewrap");
    auto user = SandboxUser::resolve(config.sandboxUser);
    if (!user.ok())
        return user.error();
    sandbox->m_user = *user;
    auto program = SeccompPolicy::compile();
    if (!program.ok())
        return program.error();
    sandbox->m_seccomp = std::move(program).value();
    if (config.cgroups != "off") {
        sandbox->m_cgroups = CgroupSupport::detect(config.cgroupParent);
        if (config.cgroups == "require" && !sandbox->m_cgroups.usable)
            return Error::failedPrecondition("sandbox_cgroups = require, but " +
                                             sandbox->m_cgroups.summary + "; " +
                                             sandbox->m_cgroups.fix);
    } else {
        sandbox->m_cgroups.summary = "cgroups switched off (sandbox_cgroups = off)";
    }
    EtcSnapshot::Options etc;
    if (!config.stateDir.empty())
        etc.root = std::filesystem::path(config.stateDir) / "etc";
    etc.sources = BubblewrapCommandLine::etcPaths();
    for (const auto& path : config.extraReadOnlyPaths)
        if (path.rfind("/etc/", 0) == 0)
            etc.sources.push_back(path);
    etc.generated = BubblewrapCommandLine::generatedEtcFiles();
    etc.links = BubblewrapCommandLine::generatedEtcLinks();
    auto snapshot = EtcSnapshot::create(std::move(etc));
    if (!snapshot.ok())
        return Error::failedPrecondition("the sandbox's /etc could not be prepared: " +
                                         snapshot.error().message());
    sandbox->m_etc = std::move(snapshot).value();
    return sandbox;
}

std::string BubblewrapSandbox::describe(bool allowNetwork) const
{
    std::string text =
        "bubblewrap " + m_version + ": user,pid," + std::string(allowNetwork ? "" : "net,") +
        "ipc,uts,cgroup namespaces; seccomp (" + std::to_string(SeccompPolicy::rules().size()) +
        " rules); read-only system; " + m_user.describe() + "; ";
    if (m_cgroups.usable)
        text +=
            std::string("cgroup ") + CgroupSupport::versionName(m_cgroups.version) + " memory+pids";
    else
        text += "rlimits only (no cgroups: " + m_cgroups.summary + ")";
    text += allowNetwork ? "; NETWORK ALLOWED (admin setting for this repository)" : "; no network";
    return text;
}

std::string BubblewrapSandbox::workspaceInside(const SandboxSpec& spec) const
{
    return spec.cwd.empty() ? std::string(kWorkspaceMount)
                            : std::string(kWorkspaceMount) + "/" + spec.cwd;
}

common::Result<RunResult> BubblewrapSandbox::run(const SandboxSpec& spec, const OutputSink& sink,
                                                 const common::CancelToken& cancel)
{
    if (auto status = SpecCheck::validate(spec); !status.ok())
        return status.error();
    if (cancel.cancelled())
        return cancel.reason().value_or(Error(common::StatusCode::Cancelled, "cancelled"));
    const auto started = std::chrono::steady_clock::now();
    const auto deadline = started + spec.timeout;

    const std::string gitPath = (spec.workspace / ".git").string();
    struct stat gitStat;
    const bool hasGit = lstat(gitPath.c_str(), &gitStat) == 0;
    if (hasGit && !S_ISDIR(gitStat.st_mode) && !S_ISREG(gitStat.st_mode))
        return Error::failedPrecondition("the workspace's .git is neither a directory nor a "
                                         "file; refusing to run (it could not be protected)");

    std::unique_ptr<WorkspaceOwnership> ownership;
    if (m_user.dropsRoot) {
        auto handed = WorkspaceOwnership::handOver(spec.workspace, m_user.uid, m_user.gid);
        if (!handed.ok())
            return handed.error();
        ownership = std::move(handed).value();
    }

    OutputCollector output(sink, spec.outputCapBytes, spec.tailBytes);
    std::unique_ptr<CgroupScope> scope;
    if (m_cgroups.usable) {
        auto created = CgroupScope::create(m_cgroups, spec.limits);
        if (created.ok())
            scope = std::move(created).value();
        else if (m_config.cgroups == "require")
            return created.error();
        else
            output.system("cgroups unavailable for this run, rlimits only: " +
                          created.error().message());
    }

    Fds fds;
    int outPipe[2], errPipe[2], statusPipe[2];
    if (pipe2(outPipe, O_CLOEXEC) != 0 || pipe2(errPipe, O_CLOEXEC) != 0 ||
        pipe2(statusPipe, O_CLOEXEC) != 0)
        return Error::unavailable(std::string("pipe2 failed: ") + std::strerror(errno));
    for (int fd : {outPipe[0], outPipe[1], errPipe[0], errPipe[1], statusPipe[0], statusPipe[1]})
        fds.keep(fd);
    const int devnull = fds.keep(open("/dev/null", O_RDONLY | O_CLOEXEC));
    const int seccompFd = fds.keep(dataFd("builder-seccomp", m_seccomp));
    if (devnull < 0 || seccompFd < 0)
        return Error::unavailable("cannot prepare the sandbox's descriptors");
    auto etc = m_etc->current(); // held until the run ends: its directory stays
    if (!etc.ok())
        return Error::failedPrecondition("the sandbox's /etc could not be prepared: " +
                                         etc.error().message());

    SpawnPlan plan;
    plan.executable = m_bwrap;
    plan.reaper = true;
    plan.envp = {"PATH=/usr/bin:/bin", "LANG=C.UTF-8"};
    plan.fds = {{devnull, 0},
                {outPipe[1], 1},
                {errPipe[1], 2},
                {seccompFd, BubblewrapCommandLine::kSeccompFd},
                {statusPipe[1], BubblewrapCommandLine::kStatusFd}};
    plan.rlimits = {{RLIMIT_CPU, spec.limits.cpuSeconds},
                    {RLIMIT_FSIZE, spec.limits.fileSizeBytes},
                    {RLIMIT_NOFILE, spec.limits.openFiles},
                    {RLIMIT_CORE, 0}};
    if (spec.limits.addressSpaceBytes > 0)
        plan.rlimits.push_back({RLIMIT_AS, spec.limits.addressSpaceBytes});
    else if (!scope)
        plan.rlimits.push_back({RLIMIT_AS, spec.limits.memoryBytes});
    if (!scope)
        plan.rlimits.push_back({RLIMIT_NPROC, spec.limits.maxProcesses});
    if (scope)
        plan.cgroupProcsFiles = scope->procsFiles();

    std::string workspaceSource = spec.workspace.string();
    std::string etcSource = (*etc)->directory().string();
    if (m_user.dropsRoot) {
        plan.uid = m_user.uid;
        plan.gid = m_user.gid;
        struct stat workspaceStat;
        if (lstat(spec.workspace.c_str(), &workspaceStat) != 0 || !S_ISDIR(workspaceStat.st_mode))
            return Error::failedPrecondition("cannot open the workspace: " +
                                             std::string(std::strerror(errno)));
        struct stat etcStat;
        if (lstat(etcSource.c_str(), &etcStat) != 0 || !S_ISDIR(etcStat.st_mode))
            return Error::failedPrecondition("cannot open the sandbox's /etc snapshot: " +
                                             std::string(std::strerror(errno)));
        plan.staged = {{spec.workspace.string(), workspaceStat.st_dev, workspaceStat.st_ino,
                        kStagingWorkspace},
                       {etcSource, etcStat.st_dev, etcStat.st_ino, kStagingEtc}};
        plan.stagingRoot = kStagingRoot;
        workspaceSource = kStagingWorkspace;
        etcSource = kStagingEtc;
    }

    BubblewrapCommandLine::Input input;
    input.bwrap = m_bwrap;
    input.workspaceSource = workspaceSource;
    input.etcSource = etcSource;
    input.protectGit = hasGit;
    input.cwdInside = workspaceInside(spec);
    input.tmpfsBytes = spec.limits.tmpfsBytes;
    input.allowNetwork = spec.allowNetwork;
    input.extraReadOnlyPaths = m_config.extraReadOnlyPaths;
    input.env = BubblewrapCommandLine::baseEnvironment(kWorkspaceMount);
    for (const auto& [name, value] : spec.env)
        input.env[name] = value;
    input.command = spec.argv;
    plan.argv = BubblewrapCommandLine::build(input);

    if (spec.allowNetwork)
        output.system("WARNING: network access is ENABLED in this sandbox (admin setting for "
                      "this repository)");

    auto child = ChildLauncher::spawn(plan);
    for (int fd : {outPipe[1], errPipe[1], statusPipe[1], seccompFd})
        fds.release(fd);
    if (!child.ok())
        return child.error();
    const pid_t pid = child->pid;
    const int pidfd = fds.keep(child->pidfd);

    int innerPidfd = -1;
    // Killing the sandbox's init (pid 1 of its namespace) kills every process
    // in it; bwrap, still alive, reaps it and exits. bwrap itself is killed
    // only when that does not happen (or before the init is known), because
    // an init orphaned by bwrap's death would be left to the host's pid 1.
    const pid_t worker = child->worker;
    int hardKills = 0;
    const auto killTree = [&](bool hard) {
        if (innerPidfd >= 0)
            syscall(SYS_pidfd_send_signal, innerPidfd, SIGKILL, nullptr, 0);
        if (hard || innerPidfd < 0)
            kill(worker, SIGKILL); // bwrap; the reaper above it collects the orphans
        if (hard && ++hardKills > 1) {
            // Last resort: everything, the reaper included.
            if (scope)
                scope->killAll(0);
            kill(-pid, SIGKILL);
        }
    };
    const auto onInner = [&](pid_t inner) {
        innerPidfd = static_cast<int>(syscall(SYS_pidfd_open, inner, 0));
        if (innerPidfd >= 0)
            fds.keep(innerPidfd);
    };
    ProcessSupervisor::Io io{outPipe[0], errPipe[0], statusPipe[0]};
    for (int fd : {outPipe[0], errPipe[0], statusPipe[0]})
        fds.forget(fd); // the supervisor closes the read ends
    auto outcome =
        ProcessSupervisor::supervise(pid, pidfd, io, output, deadline, cancel, killTree, onInner);

    // The sandbox's init is gone only when its pidfd says so; it takes every
    // process of its pid namespace with it.
    if (innerPidfd >= 0) {
        pollfd p{innerPidfd, POLLIN, 0};
        if (poll(&p, 1, 0) == 0) {
            syscall(SYS_pidfd_send_signal, innerPidfd, SIGKILL, nullptr, 0);
            poll(&p, 1, 2000);
        }
    }
    bool leftovers = false;
    if (scope)
        leftovers = !scope->killAll(2000);

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
    if (leftovers)
        output.system("warning: processes were left in the run's cgroup after the kill");

    if (outcome.cancelled)
        return cancel.reason().value_or(Error(common::StatusCode::Cancelled, "cancelled"));
    if (outcome.reportedExitCode) {
        result.exitCode = *outcome.reportedExitCode;
        if (result.exitCode > 128 && result.exitCode < 128 + NSIG)
            result.signal = result.exitCode - 128;
    } else if (outcome.timedOut) {
        result.exitCode = 128 + SIGKILL;
        result.signal = SIGKILL;
    } else if (WIFSIGNALED(outcome.waitStatus)) {
        result.signal = WTERMSIG(outcome.waitStatus);
        result.exitCode = 128 + result.signal;
    } else if (WIFEXITED(outcome.waitStatus) && WEXITSTATUS(outcome.waitStatus) > 128) {
        // The reaper passes on bwrap's death by a signal as 128 + signal.
        result.exitCode = WEXITSTATUS(outcome.waitStatus);
        result.signal = result.exitCode - 128;
    } else {
        return Error::failedPrecondition(
            "the sandbox could not be set up: " + bwrapMessages(result.outputTail) +
            " (run `builderd doctor`)");
    }
    if (outcome.timedOut) {
        result.exitCode = 128 + SIGKILL;
        result.signal = SIGKILL;
    }
    if (ownership) {
        if (const std::size_t failed = ownership->restore(); failed > 0)
            return Error::internal("could not restore the ownership of " + std::to_string(failed) +
                                   " workspace entries");
    } else {
        WorkspaceOwnership::clearSetIdBits(spec.workspace);
    }
    return result;
}

} // namespace builder::executor
