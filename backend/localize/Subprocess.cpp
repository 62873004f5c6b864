#include "localize/Subprocess.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>

extern char** environ;

namespace builder::localize {

namespace {

// Closes a descriptor once, however the function is left.
class Fd
{
public:
    explicit Fd(int fd = -1) : m_fd(fd) {}
    ~Fd() { reset(); }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return m_fd; }
    void reset()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
    }

private:
    int m_fd;
};

} // namespace

common::Result<Subprocess::Output> Subprocess::run(const std::vector<std::string>& argv,
                                                   const std::string& input,
                                                   const std::string& workingDir)
{
    if (argv.empty())
        return common::Error::internal("no program to run");
    int inPipe[2];
    int outPipe[2];
    if (::pipe2(inPipe, O_CLOEXEC) != 0)
        return common::Error::internal(std::string("pipe: ") + std::strerror(errno));
    Fd inRead(inPipe[0]);
    Fd inWrite(inPipe[1]);
    if (::pipe2(outPipe, O_CLOEXEC) != 0)
        return common::Error::internal(std::string("pipe: ") + std::strerror(errno));
    Fd outRead(outPipe[0]);
    Fd outWrite(outPipe[1]);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, inRead.get(), STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, outWrite.get(), STDOUT_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    if (!workingDir.empty())
        posix_spawn_file_actions_addchdir_np(&actions, workingDir.c_str());
    std::vector<char*> args;
    for (const auto& arg : argv)
        args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    pid_t pid = 0;
    const int rc = ::posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0)
        return common::Error::notFound("cannot start " + argv[0] + ": " + std::strerror(rc));
    inRead.reset();
    outWrite.reset();

    std::thread writer([&] {
        const char* data = input.data();
        std::size_t left = input.size();
        while (left > 0) {
            const ssize_t n = ::write(inWrite.get(), data, left);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break; // the child closed its stdin: it has what it wants
            data += n;
            left -= static_cast<std::size_t>(n);
        }
        inWrite.reset();
    });
    Output output;
    char buffer[65536];
    while (true) {
        const ssize_t n = ::read(outRead.get(), buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        output.out.append(buffer, static_cast<std::size_t>(n));
    }
    writer.join();
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    output.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return output;
}

} // namespace builder::localize
