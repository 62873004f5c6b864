/* sandbox_probe: the hostile payload of the sandbox escape tests. Each
 * sub-command tries one thing and prints what happened, one result per line,
 * so the test can assert on it. It is also run outside the sandbox as the
 * control that shows the same attempt would have behaved differently. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/vm_sockets.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

extern char** environ;

static const char* errname(int e)
{
    const char* name = strerrorname_np(e);
    return name ? name : "?";
}

static int connect_tcp(const char* host, int port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in addr = {0};
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)port);
    inet_pton(AF_INET, host, &addr.sin_addr);
    if (connect(fd, (struct sockaddr*)&addr, sizeof addr) == 0)
        printf("connect %s:%d connected\n", host, port);
    else
        printf("connect %s:%d %s\n", host, port, errname(errno));
    close(fd);
    return 0;
}

static int connect_abstract(const char* name)
{
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un addr = {0};
    addr.sun_family = AF_UNIX;
    size_t len = strlen(name);
    memcpy(addr.sun_path + 1, name, len);
    socklen_t size = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 + len);
    if (connect(fd, (struct sockaddr*)&addr, size) == 0)
        printf("abstract %s connected\n", name);
    else
        printf("abstract %s %s\n", name, errname(errno));
    close(fd);
    return 0;
}

static int dns(const char* name, const char* server, int port)
{
    struct addrinfo* result = NULL;
    int rc = getaddrinfo(name, "80", NULL, &result);
    printf("resolve %s %s\n", name, rc == 0 ? "resolved" : gai_strerror(rc));
    if (result)
        freeaddrinfo(result);
    /* A raw DNS query to the given server, as a resolver would send it. */
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in addr = {0};
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)port);
    inet_pton(AF_INET, server, &addr.sin_addr);
    const unsigned char query[] = {0x12, 0x34, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 7, 'e', 'x', 'a',
                                   'm', 'p', 'l', 'e', 3, 'c', 'o', 'm', 0, 0, 1, 0, 1};
    ssize_t sent = sendto(fd, query, sizeof query, 0, (struct sockaddr*)&addr, sizeof addr);
    printf("dnsquery %s:%d %s\n", server, port, sent < 0 ? errname(errno) : "sent");
    close(fd);
    return 0;
}

static int read_paths(int argc, char** argv)
{
    for (int i = 0; i < argc; ++i) {
        int fd = open(argv[i], O_RDONLY);
        if (fd < 0) {
            printf("read %s %s\n", argv[i], errname(errno));
            continue;
        }
        char buffer[256];
        ssize_t n = read(fd, buffer, sizeof buffer);
        printf("read %s %s\n", argv[i], n >= 0 ? "READ" : errname(errno));
        close(fd);
    }
    return 0;
}

static int write_paths(int argc, char** argv)
{
    for (int i = 0; i < argc; ++i) {
        int fd = open(argv[i], O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd < 0) {
            printf("write %s %s\n", argv[i], errname(errno));
            continue;
        }
        ssize_t n = write(fd, "escaped\n", 8);
        printf("write %s %s\n", argv[i], n == 8 ? "WROTE" : errname(errno));
        close(fd);
    }
    return 0;
}

static int list_fds(void)
{
    for (int fd = 0; fd < 65536; ++fd)
        if (fcntl(fd, F_GETFD) != -1)
            printf("fd %d\n", fd);
    return 0;
}

__attribute__((noreturn)) static int fork_bomb(void)
{
    printf("forkbomb started\n");
    fflush(stdout);
    for (;;) {
        pid_t pid = fork();
        (void)pid; /* parents and children all keep forking; failures are fine */
    }
}

static int memory_bomb(void)
{
    size_t total = 0;
    for (;;) {
        const size_t step = 16u << 20;
        char* block = malloc(step);
        if (!block) {
            printf("membomb malloc failed after %zu MiB\n", total >> 20);
            return 3;
        }
        memset(block, 1, step);
        total += step;
        if ((total >> 20) % 64 == 0) {
            printf("membomb %zu MiB\n", total >> 20);
            fflush(stdout);
        }
    }
}

__attribute__((noreturn)) static int sleeper(const char* marker)
{
    signal(SIGTERM, SIG_IGN);
    signal(SIGHUP, SIG_IGN);
    signal(SIGINT, SIG_IGN);
    (void)marker;
    for (;;)
        pause();
}

/* setsid, double fork, ignore SIGTERM, close the output: a daemon that tries to
 * outlive its sandbox. argv[0] of the survivor carries the marker. */
static int daemonize(const char* self, const char* marker, int parentExits)
{
    signal(SIGTERM, SIG_IGN);
    pid_t first = fork();
    if (first == 0) {
        setsid();
        pid_t second = fork();
        if (second == 0) {
            int devnull = open("/dev/null", O_RDWR);
            dup2(devnull, 0);
            dup2(devnull, 1);
            dup2(devnull, 2);
            execl(self, self, "sleeper", marker, (char*)NULL);
            _exit(1);
        }
        _exit(0);
    }
    waitpid(first, NULL, 0);
    printf("daemon started\n");
    fflush(stdout);
    if (parentExits)
        return 0;
    return sleeper(marker);
}

static void report(const char* name, long rc)
{
    printf("syscall %s %s\n", name, rc == -1 ? errname(errno) : "SUCCEEDED");
}

/* Every denied call with arguments that fail with a different errno (EFAULT,
 * EINVAL, EBADF, ESRCH, EOPNOTSUPP) when the kernel gets to see them. */
static int syscalls(void)
{
    report("ptrace", syscall(SYS_ptrace, 3 /* PTRACE_PEEKUSER */, 0x7fffffff, 0, 0));
    report("process_vm_readv", syscall(SYS_process_vm_readv, 0x7fffffff, NULL, 1, NULL, 1, 0));
    report("mount", syscall(SYS_mount, "none", "/nonexistent-builder", (char*)1, 0, NULL));
    report("umount2", syscall(SYS_umount2, "/nonexistent-builder", 0x7fffffff));
    report("fsopen", syscall(SYS_fsopen, (char*)1, 0));
    report("fsmount", syscall(SYS_fsmount, -1, 0, 0));
    report("fsconfig", syscall(SYS_fsconfig, -1, 0, NULL, NULL, 0));
    report("fspick", syscall(SYS_fspick, -1, (char*)1, 0x7fffffff));
    report("move_mount", syscall(SYS_move_mount, -1, (char*)1, -1, (char*)1, 0x7fffffff));
    report("open_tree", syscall(SYS_open_tree, -1, (char*)1, 0x7fffffff));
    report("mount_setattr", syscall(SYS_mount_setattr, -1, (char*)1, 0x7fffffff, NULL, 0));
    report("unshare_newuser", syscall(SYS_unshare, CLONE_NEWUSER | 0x00800000 /* CLONE_UNTRACED */));
    report("clone_newuser", syscall(SYS_clone, CLONE_NEWUSER | CLONE_FS, NULL, NULL, NULL, 0));
    report("clone3", syscall(SYS_clone3, NULL, 0));
    report("setns", syscall(SYS_setns, -1, 0));
    report("keyctl", syscall(SYS_keyctl, 0xffff, 0, 0, 0, 0));
    report("add_key", syscall(SYS_add_key, (char*)1, "x", NULL, 0, 0));
    report("request_key", syscall(SYS_request_key, (char*)1, "x", NULL, 0));
    report("bpf", syscall(SYS_bpf, 0, (void*)1, 8));
    report("perf_event_open", syscall(SYS_perf_event_open, (void*)1, 0, -1, -1, 0));
    report("userfaultfd", syscall(SYS_userfaultfd, 1 /* UFFD_USER_MODE_ONLY */ | 0x2));
    report("io_uring_setup", syscall(SYS_io_uring_setup, 1, (void*)1));
    report("io_uring_enter", syscall(SYS_io_uring_enter, -1, 0, 0, 0, NULL, 0));
    report("io_uring_register", syscall(SYS_io_uring_register, -1, 0, NULL, 0));
    report("ioctl_tiocsti", syscall(SYS_ioctl, -1, (unsigned long)TIOCSTI, "x"));
    report("ioctl_tiocsti_high", syscall(SYS_ioctl, -1, 0x100000000ul | TIOCSTI, "x"));
    report("ioctl_tcgets_control", syscall(SYS_ioctl, -1, (unsigned long)TCGETS, NULL));
    report("socket_vsock", syscall(SYS_socket, AF_VSOCK, SOCK_STREAM, 0));
    return 0;
}

static int spew(long long bytes)
{
    static char line[4096];
    memset(line, 'x', sizeof line);
    line[sizeof line - 1] = '\n';
    while (bytes > 0) {
        size_t n = bytes < (long long)sizeof line ? (size_t)bytes : sizeof line;
        if (write(1, line, n) < 0)
            return 1;
        bytes -= (long long)n;
    }
    return 0;
}

int main(int argc, char** argv)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc < 2)
        return 2;
    const char* cmd = argv[1];
    if (!strcmp(cmd, "connect") && argc == 4)
        return connect_tcp(argv[2], atoi(argv[3]));
    if (!strcmp(cmd, "abstract") && argc == 3)
        return connect_abstract(argv[2]);
    if (!strcmp(cmd, "dns") && argc == 5)
        return dns(argv[2], argv[3], atoi(argv[4]));
    if (!strcmp(cmd, "read"))
        return read_paths(argc - 2, argv + 2);
    if (!strcmp(cmd, "write"))
        return write_paths(argc - 2, argv + 2);
    if (!strcmp(cmd, "env")) {
        for (char** e = environ; *e; ++e)
            printf("env %s\n", *e);
        return 0;
    }
    if (!strcmp(cmd, "fds"))
        return list_fds();
    if (!strcmp(cmd, "forkbomb"))
        return fork_bomb();
    if (!strcmp(cmd, "membomb"))
        return memory_bomb();
    if (!strcmp(cmd, "sleeper") && argc == 3)
        return sleeper(argv[2]);
    if (!strcmp(cmd, "daemon") && argc == 4)
        return daemonize(argv[0], argv[2], !strcmp(argv[3], "exit"));
    if (!strcmp(cmd, "syscalls"))
        return syscalls();
    if (!strcmp(cmd, "spew") && argc == 3)
        return spew(atoll(argv[2]));
    if (!strcmp(cmd, "id")) {
        printf("uid %d euid %d gid %d\n", (int)getuid(), (int)geteuid(), (int)getgid());
        return 0;
    }
    return 2;
}
