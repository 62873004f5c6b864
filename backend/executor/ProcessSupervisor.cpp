#include "ProcessSupervisor.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <fcntl.h>
#include <poll.h>
#include <string>
#include <sys/eventfd.h>
#include <sys/wait.h>
#include <unistd.h>

namespace builder::executor {

namespace {

// After the child exited, how long its pipes may stay open: everything that
// could hold them was in its pid namespace, which is gone by then.
constexpr std::chrono::milliseconds kDrainBound{2000};
constexpr std::size_t kReadSize = 64 * 1024;

void setNonBlocking(int fd)
{
    if (fd >= 0)
        fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

// The number after `"key":` in bwrap's JSON status lines.
std::optional<long> jsonNumber(const std::string& text, const std::string& key)
{
    const std::string quoted = "\"" + key + "\"";
    const auto at = text.find(quoted);
    if (at == std::string::npos)
        return std::nullopt;
    auto colon = text.find(':', at + quoted.size());
    if (colon == std::string::npos)
        return std::nullopt;
    const char* start = text.c_str() + colon + 1;
    char* end = nullptr;
    const long value = std::strtol(start, &end, 10);
    if (end == start)
        return std::nullopt;
    return value;
}

} // namespace

ProcessSupervisor::Outcome ProcessSupervisor::supervise(
    pid_t pid, int pidfd, Io io, OutputCollector& output,
    std::chrono::steady_clock::time_point deadline, const common::CancelToken& cancel,
    const std::function<void(bool)>& killTree, const std::function<void(pid_t)>& onInnerPid)
{
    Outcome outcome;
    setNonBlocking(io.stdoutFd);
    setNonBlocking(io.stderrFd);
    setNonBlocking(io.statusFd);
    const int cancelFd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    auto registration = cancel.onCancel([cancelFd] {
        const std::uint64_t one = 1;
        ssize_t ignored = write(cancelFd, &one, sizeof one);
        (void)ignored;
    });

    bool exited = false;
    bool killed = false;
    std::string status;
    std::chrono::steady_clock::time_point drainUntil{};
    std::chrono::steady_clock::time_point killedAt{};
    const auto kill = [&] {
        if (!killed) {
            killed = true;
            killedAt = std::chrono::steady_clock::now();
            killTree(false);
        }
    };
    const auto readInto = [&](int& fd, int which) {
        char buffer[kReadSize];
        for (;;) {
            const ssize_t n = read(fd, buffer, sizeof buffer);
            if (n > 0) {
                if (which == 2) {
                    status.append(buffer, static_cast<std::size_t>(n));
                    if (outcome.innerPid < 0) {
                        if (const auto inner = jsonNumber(status, "child-pid")) {
                            outcome.innerPid = static_cast<pid_t>(*inner);
                            if (onInnerPid)
                                onInnerPid(outcome.innerPid);
                        }
                    }
                    if (const auto code = jsonNumber(status, "exit-code"))
                        outcome.reportedExitCode = static_cast<int>(*code);
                } else {
                    output.add(which == 1, buffer, static_cast<std::size_t>(n));
                }
                if (static_cast<std::size_t>(n) < sizeof buffer)
                    return;
                continue;
            }
            if (n < 0 && (errno == EAGAIN || errno == EINTR))
                return;
            close(fd); // EOF or a hard error
            fd = -1;
            return;
        }
    };

    for (;;) {
        const auto now = std::chrono::steady_clock::now();
        if (!exited && !killed && now >= deadline) {
            outcome.timedOut = true;
            kill();
        }
        if (exited && io.stdoutFd < 0 && io.stderrFd < 0 && io.statusFd < 0)
            break;
        if (exited && now >= drainUntil) {
            outcome.outputLeftOpen = io.stdoutFd >= 0 || io.stderrFd >= 0;
            kill();
            killTree(true);
            break;
        }
        if (killed && !exited && now - killedAt >= std::chrono::seconds(1)) {
            killedAt = now;
            killTree(true);
        }
        int waitMs = 200; // killed, not yet reaped: look again shortly
        if (exited)
            waitMs = static_cast<int>(
                std::chrono::duration_cast<std::chrono::milliseconds>(drainUntil - now).count());
        else if (!killed)
            waitMs = static_cast<int>(std::min<long long>(
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count() + 1,
                60'000));
        pollfd fds[5];
        int count = 0;
        const auto add = [&](int fd) {
            if (fd >= 0)
                fds[count++] = pollfd{fd, POLLIN, 0};
        };
        add(io.stdoutFd);
        add(io.stderrFd);
        add(io.statusFd);
        if (!exited)
            add(pidfd);
        if (!killed && cancelFd >= 0)
            add(cancelFd);
        const int ready = poll(fds, static_cast<nfds_t>(count), std::max(waitMs, 0));
        if (ready < 0 && errno != EINTR)
            break;
        for (int i = 0; i < count && ready > 0; ++i) {
            if (fds[i].revents == 0)
                continue;
            const int fd = fds[i].fd;
            if (fd == io.stdoutFd)
                readInto(io.stdoutFd, 0);
            else if (fd == io.stderrFd)
                readInto(io.stderrFd, 1);
            else if (fd == io.statusFd)
                readInto(io.statusFd, 2);
            else if (fd == cancelFd) {
                outcome.cancelled = true;
                kill();
            } else if (fd == pidfd) {
                if (wait4(pid, &outcome.waitStatus, WNOHANG, &outcome.usage) == pid) {
                    exited = true;
                    drainUntil = std::chrono::steady_clock::now() + kDrainBound;
                }
            }
        }
    }
    if (!exited) {
        kill();
        killTree(true);
        wait4(pid, &outcome.waitStatus, 0, &outcome.usage);
    }
    for (int* fd : {&io.stdoutFd, &io.stderrFd, &io.statusFd}) {
        if (*fd >= 0) {
            if (fd == &io.statusFd)
                readInto(io.statusFd, 2);
            if (*fd >= 0)
                close(*fd);
        }
    }
    output.finish();
    registration = common::CancelToken::Registration();
    if (cancelFd >= 0)
        close(cancelFd);
    return outcome;
}

} // namespace builder::executor
