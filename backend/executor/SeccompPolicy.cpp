#include "SeccompPolicy.h"

#include <cerrno>
#include <memory>
#include <sched.h>
#include <seccomp.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

namespace builder::executor {

namespace {

using common::Error;

// Names that only exist on some architectures or kernels are skipped when
// libseccomp does not know them.
struct Plain
{
    const char* name;
    int err;
};

const Plain kPlainDenied[] = {
    {"ptrace", EPERM},
    {"process_vm_readv", EPERM},
    {"process_vm_writev", EPERM},
    {"mount", EPERM},
    {"umount", EPERM},
    {"umount2", EPERM},
    {"pivot_root", EPERM},
    {"chroot", EPERM},
    // The new mount API: ENOSYS so that libmount-style callers fall back to
    // mount(2), which is denied as well.
    {"fsopen", ENOSYS},
    {"fsconfig", ENOSYS},
    {"fsmount", ENOSYS},
    {"fspick", ENOSYS},
    {"move_mount", ENOSYS},
    {"open_tree", ENOSYS},
    {"mount_setattr", ENOSYS},
    {"setns", EPERM},
    {"keyctl", EPERM},
    {"add_key", EPERM},
    {"request_key", EPERM},
    {"bpf", EPERM},
    {"perf_event_open", EPERM},
    {"userfaultfd", EPERM},
    // io_uring: ENOSYS, which libuv and friends treat as "use the thread pool".
    {"io_uring_setup", ENOSYS},
    {"io_uring_enter", ENOSYS},
    {"io_uring_register", ENOSYS},
    // clone3 passes its flags in memory that seccomp cannot inspect; glibc
    // falls back to clone(2) on ENOSYS, whose flags are checked below.
    {"clone3", ENOSYS},
    {"open_by_handle_at", EPERM},
    {"kexec_load", EPERM},
    {"kexec_file_load", EPERM},
    {"init_module", EPERM},
    {"finit_module", EPERM},
    {"delete_module", EPERM},
    {"reboot", EPERM},
    {"swapon", EPERM},
    {"swapoff", EPERM},
    {"acct", EPERM},
    {"quotactl", EPERM},
    {"syslog", EPERM},
    {"iopl", EPERM},
    {"ioperm", EPERM},
    {"lookup_dcookie", EPERM},
    {"fanotify_init", EPERM},
    {"uselib", EPERM},
    {"vhangup", EPERM},
};

struct ContextDeleter
{
    void operator()(scmp_filter_ctx ctx) const { seccomp_release(ctx); }
};
using Context = std::unique_ptr<void, ContextDeleter>;

Error failure(const std::string& what, int rc)
{
    return Error::failedPrecondition("seccomp: " + what + " failed (" + std::to_string(-rc) + ")");
}

} // namespace

const std::vector<SeccompPolicy::Rule>& SeccompPolicy::rules()
{
    static const std::vector<Rule> all = [] {
        std::vector<Rule> list;
        for (const auto& plain : kPlainDenied)
            list.push_back({plain.name, "", plain.err});
        list.push_back({"unshare", "flags include CLONE_NEWUSER", EPERM});
        list.push_back({"clone", "flags include CLONE_NEWUSER", EPERM});
        list.push_back({"ioctl", "request TIOCSTI (low 32 bits, any high bits)", EPERM});
        list.push_back({"ioctl", "request TIOCLINUX (low 32 bits, any high bits)", EPERM});
        list.push_back({"socket", "domain AF_VSOCK", EPERM});
        return list;
    }();
    return all;
}

common::Result<std::string> SeccompPolicy::compile()
{
    Context ctx(seccomp_init(SCMP_ACT_ALLOW));
    if (!ctx)
        return Error::failedPrecondition("seccomp: seccomp_init failed");
    int rc = 0;
    const std::uint32_t native = seccomp_arch_native();
    if (native == SCMP_ARCH_X86_64) {
        for (std::uint32_t arch : {SCMP_ARCH_X86, SCMP_ARCH_X32}) {
            rc = seccomp_arch_add(ctx.get(), arch);
            if (rc != 0 && rc != -EEXIST)
                return failure("adding a compat architecture", rc);
        }
    }
    // The filter is installed by bwrap with no_new_privs already set.
    if ((rc = seccomp_attr_set(ctx.get(), SCMP_FLTATR_CTL_NNP, 0)) != 0)
        return failure("seccomp_attr_set", rc);

    for (const auto& plain : kPlainDenied) {
        const int number = seccomp_syscall_resolve_name(plain.name);
        if (number == __NR_SCMP_ERROR)
            continue;
        rc = seccomp_rule_add(ctx.get(), SCMP_ACT_ERRNO(plain.err), number, 0);
        if (rc != 0)
            return failure(std::string("rule for ") + plain.name, rc);
    }
    const auto masked = [&](const char* name, unsigned arg, std::uint64_t mask, std::uint64_t value,
                            int err) -> common::Status {
        const int number = seccomp_syscall_resolve_name(name);
        if (number == __NR_SCMP_ERROR)
            return {};
        const scmp_arg_cmp cmp{arg, SCMP_CMP_MASKED_EQ, mask, value};
        const int result = seccomp_rule_add(ctx.get(), SCMP_ACT_ERRNO(err), number, 1, cmp);
        if (result != 0)
            return failure(std::string("rule for ") + name, result);
        return {};
    };
    // ioctl's request is an unsigned int in the kernel: compare only its low
    // 32 bits, so 0x1'0000'5412 is caught as TIOCSTI too.
    for (const auto& status : {masked("unshare", 0, CLONE_NEWUSER, CLONE_NEWUSER, EPERM),
                               masked("clone", 0, CLONE_NEWUSER, CLONE_NEWUSER, EPERM),
                               masked("ioctl", 1, 0xFFFFFFFFull, TIOCSTI, EPERM),
                               masked("ioctl", 1, 0xFFFFFFFFull, TIOCLINUX, EPERM),
                               masked("socket", 0, 0xFFFFFFFFull, AF_VSOCK, EPERM)}) {
        if (!status.ok())
            return status.error();
    }

    const int fd = memfd_create("builder-seccomp", MFD_CLOEXEC);
    if (fd < 0)
        return Error::failedPrecondition("seccomp: memfd_create failed");
    rc = seccomp_export_bpf(ctx.get(), fd);
    std::string program;
    if (rc == 0) {
        char buffer[4096];
        lseek(fd, 0, SEEK_SET);
        ssize_t n = 0;
        while ((n = read(fd, buffer, sizeof buffer)) > 0)
            program.append(buffer, static_cast<std::size_t>(n));
    }
    close(fd);
    if (rc != 0)
        return failure("seccomp_export_bpf", rc);
    if (program.empty())
        return Error::failedPrecondition("seccomp: the exported filter is empty");
    return program;
}

} // namespace builder::executor
