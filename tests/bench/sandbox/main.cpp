// bench_sandbox [N]: runs /bin/true N times (default 100) each way and prints
// p50/p95 wall time per start:
//   fork/exec      posix_spawn + waitpid, the baseline
//   launcher       the executor's own launcher, no isolation (sandbox = none)
//   bwrap alone    bwrap exec'd by hand with the sandbox's arguments (no seccomp
//                  program, no launcher, no reaper): bwrap's and the kernel's share
//   bwrap          the bubblewrap sandbox, rlimits only
//   bwrap, net shared  the same with the host network (shows the netns cost)
//   bwrap+cgroups  the bubblewrap sandbox with a memory+pids cgroup per run
// and the extra over the baseline at p50 (the target is <= 5 ms).
#include "executor/BubblewrapCommandLine.h"
#include "executor/BubblewrapSandbox.h"
#include "executor/DirectSandbox.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <functional>
#include <grp.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace builder::executor;
using Clock = std::chrono::steady_clock;

extern char** environ;

namespace {

struct Figures
{
    double p50 = 0;
    double p95 = 0;
    int failures = 0;
};

Figures measure(int n, const std::function<bool()>& once)
{
    std::vector<double> ms;
    Figures figures;
    once(); // warm caches (binary pages, seccomp program, dentries)
    for (int i = 0; i < n; ++i) {
        const auto start = Clock::now();
        if (!once())
            ++figures.failures;
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(ms.begin(), ms.end());
    figures.p50 = ms[ms.size() / 2];
    figures.p95 = ms[std::min(ms.size() - 1, ms.size() * 95 / 100)];
    return figures;
}

bool plainForkExec()
{
    pid_t pid = 0;
    char* argv[] = {const_cast<char*>("/bin/true"), nullptr};
    if (posix_spawn(&pid, "/bin/true", nullptr, nullptr, argv, environ) != 0)
        return false;
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// fork, drop to the sandbox uid, exec bwrap with the sandbox's own arguments.
bool bwrapAlone(const std::vector<std::string>& args, const SandboxUser& user)
{
    std::vector<char*> argv;
    for (const auto& arg : args)
        argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    const pid_t pid = fork();
    if (pid == 0) {
        const int devnull = open("/dev/null", O_RDWR);
        dup2(devnull, BubblewrapCommandLine::kStatusFd);
        if (user.dropsRoot &&
            (setgroups(0, nullptr) != 0 || setresgid(user.gid, user.gid, user.gid) != 0 ||
             setresuid(user.uid, user.uid, user.uid) != 0))
            _exit(126);
        execv(argv[0], argv.data());
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

bool through(Sandbox& sandbox, const std::filesystem::path& workspace, bool network = false)
{
    SandboxSpec spec;
    spec.allowNetwork = network;
    spec.argv = {"/bin/true"};
    spec.workspace = workspace;
    spec.timeout = std::chrono::seconds(20);
    auto result = sandbox.run(spec, {}, builder::common::CancelToken());
    return result.ok() && result->exitCode == 0;
}

void print(const char* name, const Figures& figures, const Figures& baseline)
{
    std::printf("%-18s p50 %7.2f ms   p95 %7.2f ms   extra at p50 %+7.2f ms%s\n", name, figures.p50,
                figures.p95, figures.p50 - baseline.p50,
                figures.failures ? "   (FAILED RUNS)" : "");
}

} // namespace

int main(int argc, char** argv)
{
    const int n = argc > 1 ? std::max(10, std::atoi(argv[1])) : 100;
    char workspaceTemplate[] = "/tmp/builder-bench-sandbox-XXXXXX";
    const char* dir = mkdtemp(workspaceTemplate);
    if (!dir) {
        std::perror("mkdtemp");
        return 1;
    }
    const std::filesystem::path workspace = dir;

    ExecutorConfig rlimitsOnly;
    rlimitsOnly.cgroups = "off";
    auto bwrap = BubblewrapSandbox::create(rlimitsOnly);
    auto withCgroups = BubblewrapSandbox::create(ExecutorConfig{});
    if (!bwrap.ok() || !withCgroups.ok()) {
        std::fprintf(stderr, "sandbox unavailable: %s\n",
                     (!bwrap.ok() ? bwrap.error() : withCgroups.error()).message().c_str());
        return 1;
    }
    ExecutorConfig none;
    none.sandbox = "none";
    none.cgroups = "off";
    DirectSandbox launcher(none);

    std::printf("bench_sandbox: /bin/true, n = %d each, %s\n", n,
                (*withCgroups)->describe(false).c_str());
    const Figures baseline = measure(n, plainForkExec);
    BubblewrapCommandLine::Input input;
    input.bwrap = (*bwrap)->bwrapPath();
    input.workspaceSource = "/usr/share"; // any directory the sandbox uid can reach
    // The sandbox stages its /etc snapshot for the dropped uid; by hand, the
    // snapshot's (private, temporary) root is opened up instead.
    auto etc = (*bwrap)->etc().current();
    if (!etc.ok()) {
        std::fprintf(stderr, "no /etc snapshot: %s\n", etc.error().message().c_str());
        return 1;
    }
    chmod((*bwrap)->etc().root().c_str(), 0755);
    input.etcSource = (*etc)->directory().string();
    input.cwdInside = Sandbox::kWorkspaceMount;
    input.tmpfsBytes = ResourceLimits{}.tmpfsBytes;
    input.env = BubblewrapCommandLine::baseEnvironment(Sandbox::kWorkspaceMount);
    input.command = {"/bin/true"};
    std::vector<std::string> args;
    for (const auto& arg : BubblewrapCommandLine::build(input)) {
        if (!args.empty() && args.back() == "--seccomp") {
            args.pop_back(); // no program to give it here
            continue;
        }
        args.push_back(arg);
    }
    const Figures alone = measure(n, [&] { return bwrapAlone(args, (*bwrap)->user()); });
    const Figures direct = measure(n, [&] { return through(launcher, workspace); });
    const Figures sandboxed = measure(n, [&] { return through(**bwrap, workspace); });
    const Figures shared = measure(n, [&] { return through(**bwrap, workspace, true); });
    const bool cgroupsUsable = (*withCgroups)->cgroups().usable;
    const Figures cgrouped =
        cgroupsUsable ? measure(n, [&] { return through(**withCgroups, workspace); }) : Figures{};
    print("fork/exec", baseline, baseline);
    print("launcher", direct, baseline);
    print("bwrap alone", alone, baseline);
    print("bwrap", sandboxed, baseline);
    print("bwrap, net shared", shared, baseline);
    if (cgroupsUsable)
        print("bwrap+cgroups", cgrouped, baseline);
    else
        std::printf("bwrap+cgroups  skipped: %s\n", (*withCgroups)->cgroups().summary.c_str());
    std::printf("target: <= 5 ms extra at p50 (for scale: docker run costs about 300 ms)\n");
    std::error_code ignored;
    std::filesystem::remove_all(workspace, ignored);
    return 0;
}
