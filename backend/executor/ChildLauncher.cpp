#include "ChildLauncher.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <grp.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace builder::executor {

namespace {

using common::Error;

// Parent fds are first moved at or above this number, so that placing them at
// their small target numbers in the child never overwrites another source.
constexpr int kHighFd = 100;
// Where the child keeps the staged directories while binding them: this one
// and the ones below it (always above the planned descriptors' numbers).
constexpr int kStagedSlot = 99;

// A record the reaper writes first: {kWorkerPid, pid of the exec'd process}.
constexpr int kWorkerPid = 1000;

enum Stage : int
{
    kSetpgid = 1,
    kSignals,
    kRlimit,
    kCgroup,
    kUnshareMount,
    kMountPrivate,
    kOpenWorkspace,
    kMountStaging,
    kMkdirStaging,
    kBindWorkspace,
    kSetgroups,
    kSetgid,
    kSetuid,
    kUidCheck,
    kDeathSignal,
    kParentGone,
    kNoNewPrivs,
    kSubreaper,
    kReaperFork,
    kDup,
    kCloseRange,
    kChdir,
    kExec,
};

const char* stageName(int stage)
{
    switch (stage) {
    case kSetpgid:
        return "setpgid";
    case kSignals:
        return "resetting signals";
    case kRlimit:
        return "setrlimit";
    case kCgroup:
        return "joining the run's cgroup";
    case kUnshareMount:
        return "unshare(CLONE_NEWNS)";
    case kMountPrivate:
        return "making mounts private";
    case kOpenWorkspace:
        return "opening a staged directory in the private mount namespace";
    case kMountStaging:
        return "mounting the staging tmpfs";
    case kMkdirStaging:
        return "creating the staging directory";
    case kBindWorkspace:
        return "binding a staged directory";
    case kSetgroups:
        return "setgroups";
    case kSetgid:
        return "setresgid";
    case kSetuid:
        return "setresuid";
    case kUidCheck:
        return "verifying the dropped uid";
    case kDeathSignal:
        return "PR_SET_PDEATHSIG";
    case kParentGone:
        return "parent exited during launch";
    case kNoNewPrivs:
        return "PR_SET_NO_NEW_PRIVS";
    case kSubreaper:
        return "PR_SET_CHILD_SUBREAPER";
    case kReaperFork:
        return "forking below the reaper";
    case kDup:
        return "dup2";
    case kCloseRange:
        return "closing inherited descriptors";
    case kChdir:
        return "chdir";
    case kExec:
        return "execve";
    default:
        return "launch";
    }
}

[[noreturn]] void fail(int errorFd, int stage)
{
    const int report[2] = {stage, errno};
    ssize_t ignored = write(errorFd, report, sizeof report);
    (void)ignored;
    _exit(126);
}

int closeRange(unsigned first, unsigned last)
{
    if (first > last)
        return 0;
    return static_cast<int>(syscall(SYS_close_range, first, last, 0));
}

bool writeZero(const char* path)
{
    const int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = write(fd, "0", 1) == 1;
    close(fd);
    return ok;
}

} // namespace

common::Result<ChildLauncher::Child> ChildLauncher::spawn(const SpawnPlan& plan)
{
    // Everything the child touches is laid out before fork().
    std::vector<char*> argv;
    for (const auto& arg : plan.argv)
        argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    std::vector<char*> envp;
    for (const auto& entry : plan.envp)
        envp.push_back(const_cast<char*>(entry.c_str()));
    envp.push_back(nullptr);

    std::vector<std::pair<int, int>> fds; // (high parent copy, target)
    const auto closeCopies = [&fds] {
        for (const auto& [copy, target] : fds)
            close(copy);
    };
    int maxTarget = 2;
    for (const auto& [source, target] : plan.fds) {
        const int copy = fcntl(source, F_DUPFD_CLOEXEC, kHighFd);
        if (copy < 0) {
            closeCopies();
            return Error::internal(std::string("dup of a sandbox descriptor failed: ") +
                                   std::strerror(errno));
        }
        fds.emplace_back(copy, target);
        maxTarget = std::max(maxTarget, target);
    }
    const bool staging = !plan.staged.empty();
    if (plan.staged.size() > SpawnPlan::kMaxStaged) {
        closeCopies();
        return Error::internal("too many staged directories");
    }
    std::vector<std::string> bindSources; // "/proc/self/fd/N", made before fork
    for (std::size_t i = 0; i < plan.staged.size(); ++i)
        bindSources.push_back("/proc/self/fd/" + std::to_string(kStagedSlot - static_cast<int>(i)));
    int errorPipe[2];
    if (pipe2(errorPipe, O_CLOEXEC) != 0) {
        closeCopies();
        return Error::internal("pipe2 failed");
    }
    const int errorFd = fcntl(errorPipe[1], F_DUPFD_CLOEXEC, kHighFd);
    close(errorPipe[1]);
    const pid_t parent = getpid();

    const pid_t pid = fork();
    if (pid < 0) {
        const int saved = errno;
        closeCopies();
        close(errorPipe[0]);
        close(errorFd);
        return Error::unavailable(std::string("fork failed: ") + std::strerror(saved));
    }
    if (pid == 0) {
        // The child: async-signal-safe calls only from here on.
        if (setpgid(0, 0) != 0)
            fail(errorFd, kSetpgid);
        sigset_t none;
        sigemptyset(&none);
        if (sigprocmask(SIG_SETMASK, &none, nullptr) != 0)
            fail(errorFd, kSignals);
        struct sigaction defaults;
        std::memset(&defaults, 0, sizeof defaults);
        defaults.sa_handler = SIG_DFL;
        for (int sig = 1; sig < NSIG; ++sig)
            sigaction(sig, &defaults, nullptr); // SIGKILL/SIGSTOP refuse; harmless
        for (const auto& [resource, value] : plan.rlimits) {
            const rlimit limit{value, value};
            if (setrlimit(static_cast<__rlimit_resource>(resource), &limit) != 0)
                fail(errorFd, kRlimit);
        }
        for (const auto& file : plan.cgroupProcsFiles)
            if (!writeZero(file.c_str()))
                fail(errorFd, kCgroup);
        if (staging) {
            if (unshare(CLONE_NEWNS) != 0)
                fail(errorFd, kUnshareMount);
            if (mount(nullptr, "/", nullptr, MS_REC | MS_SLAVE, nullptr) != 0)
                fail(errorFd, kMountPrivate);
            // Opened before the staging tmpfs may hide them (they can live in /tmp).
            for (std::size_t i = 0; i < plan.staged.size(); ++i) {
                const auto& dir = plan.staged[i];
                const int opened =
                    open(dir.path.c_str(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
                struct stat st;
                if (opened < 0 || fstat(opened, &st) != 0)
                    fail(errorFd, kOpenWorkspace);
                if (st.st_dev != dir.device || st.st_ino != dir.inode) {
                    errno = ESTALE;
                    fail(errorFd, kOpenWorkspace);
                }
                const int slot = kStagedSlot - static_cast<int>(i);
                if (dup2(opened, slot) != slot)
                    fail(errorFd, kOpenWorkspace);
                close(opened);
            }
            if (mount("tmpfs", plan.stagingRoot.c_str(), "tmpfs", MS_NOSUID | MS_NODEV,
                      "mode=0755,size=64k") != 0)
                fail(errorFd, kMountStaging);
            for (std::size_t i = 0; i < plan.staged.size(); ++i) {
                const char* target = plan.staged[i].target.c_str();
                if (mkdir(target, 0755) != 0)
                    fail(errorFd, kMkdirStaging);
                if (mount(bindSources[i].c_str(), target, nullptr, MS_BIND, nullptr) != 0)
                    fail(errorFd, kBindWorkspace);
                close(kStagedSlot - static_cast<int>(i));
            }
        }
        if (plan.gid) {
            if (setgroups(0, nullptr) != 0)
                fail(errorFd, kSetgroups);
            if (setresgid(*plan.gid, *plan.gid, *plan.gid) != 0)
                fail(errorFd, kSetgid);
        }
        if (plan.uid) {
            if (setresuid(*plan.uid, *plan.uid, *plan.uid) != 0)
                fail(errorFd, kSetuid);
            uid_t r = 0, e = 0, s = 0;
            if (getresuid(&r, &e, &s) != 0 || r != *plan.uid || e != *plan.uid || s != *plan.uid)
                fail(errorFd, kUidCheck);
        }
        // After the uid change, which clears it: the sandbox dies with builderd.
        if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) != 0)
            fail(errorFd, kDeathSignal);
        if (getppid() != parent)
            fail(errorFd, kParentGone);
        if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
            fail(errorFd, kNoNewPrivs);
        if (plan.reaper) {
            // This process stays as the reaper of everything below it: orphans
            // (bwrap's namespace init outlives bwrap by a moment) come back here
            // instead of to the host's pid 1, which may never reap them.
            if (prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0)
                fail(errorFd, kSubreaper);
            const pid_t self = getpid();
            const pid_t worker = fork();
            if (worker < 0)
                fail(errorFd, kReaperFork);
            if (worker > 0) {
                closeRange(0, static_cast<unsigned>(errorFd) - 1);
                closeRange(static_cast<unsigned>(errorFd) + 1, ~0u);
                const int record[2] = {kWorkerPid, static_cast<int>(worker)};
                ssize_t ignored = write(errorFd, record, sizeof record);
                (void)ignored;
                close(errorFd);
                int status = 0;
                int workerStatus = 0;
                pid_t reaped = 0;
                while ((reaped = waitpid(-1, &status, 0)) > 0 || errno == EINTR)
                    if (reaped == worker)
                        workerStatus = status;
                if (WIFEXITED(workerStatus))
                    _exit(WEXITSTATUS(workerStatus));
                _exit(128 + (WIFSIGNALED(workerStatus) ? WTERMSIG(workerStatus) : 0));
            }
            if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) != 0)
                fail(errorFd, kDeathSignal);
            if (getppid() != self)
                fail(errorFd, kParentGone);
        }
        for (const auto& [copy, target] : fds)
            if (dup2(copy, target) != target) // dup2 clears FD_CLOEXEC on the target
                fail(errorFd, kDup);
        if (closeRange(static_cast<unsigned>(maxTarget) + 1, static_cast<unsigned>(errorFd) - 1) !=
                0 ||
            closeRange(static_cast<unsigned>(errorFd) + 1, ~0u) != 0)
            fail(errorFd, kCloseRange);
        if (chdir(plan.chdirTo.c_str()) != 0)
            fail(errorFd, kChdir);
        execve(plan.executable.c_str(), argv.data(), envp.data());
        fail(errorFd, kExec);
    }

    closeCopies();
    close(errorFd);
    // Records until EOF (exec closed the last copy): the worker's pid from
    // the reaper, or the step that failed.
    int report[2] = {0, 0};
    pid_t worker = pid;
    bool failed = false;
    for (;;) {
        int record[2];
        ssize_t n = 0;
        do {
            n = read(errorPipe[0], record, sizeof record);
        } while (n < 0 && errno == EINTR);
        if (n != static_cast<ssize_t>(sizeof record))
            break;
        if (record[0] == kWorkerPid) {
            worker = record[1];
            continue;
        }
        report[0] = record[0];
        report[1] = record[1];
        failed = true;
    }
    close(errorPipe[0]);
    if (failed) {
        int status = 0;
        waitpid(pid, &status, 0);
        return Error::failedPrecondition(std::string("sandbox launch failed at ") +
                                         stageName(report[0]) + ": " + std::strerror(report[1]));
    }
    const int pidfd = static_cast<int>(syscall(SYS_pidfd_open, pid, 0));
    if (pidfd < 0) {
        kill(-pid, SIGKILL);
        kill(pid, SIGKILL);
        int status = 0;
        waitpid(pid, &status, 0);
        return Error::internal(std::string("pidfd_open failed: ") + std::strerror(errno));
    }
    return Child{pid, pidfd, worker};
}

} // namespace builder::executor
