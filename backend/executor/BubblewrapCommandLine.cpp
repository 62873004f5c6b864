#include "BubblewrapCommandLine.h"

#include "Sandbox.h"

#include <filesystem>
#include <glob.h>
#include <sys/stat.h>
#include <unistd.h>

namespace builder::executor {

namespace {

namespace fs = std::filesystem;

void add(std::vector<std::string>& args, std::initializer_list<std::string> items)
{
    args.insert(args.end(), items);
}

} // namespace

const std::vector<std::string>& BubblewrapCommandLine::etcPaths()
{
    // What toolchains read from /etc, and nothing that holds host secrets or
    // host identity (no shadow, passwd, gitconfig, npmrc, maven settings,
    // ssh, machine-id, resolv.conf unless the network is allowed).
    static const std::vector<std::string> paths = [] {
        std::vector<std::string> list = {
            "/etc/alternatives",  "/etc/ld.so.cache",
            "/etc/ld.so.conf",    "/etc/ld.so.conf.d",
            "/etc/localtime",     "/etc/timezone",
            "/etc/nsswitch.conf", "/etc/host.conf",
            "/etc/gai.conf",      "/etc/protocols",
            "/etc/services",      "/etc/mime.types",
            "/etc/ssl/certs",     "/etc/ca-certificates",
            "/etc/os-release",    "/etc/debian_version",
            "/etc/perl",          "/etc/maven/m2.conf",
            "/etc/maven/logging", "/etc/maven/toolchains.xml",
            "/etc/magic",         "/etc/bash.bashrc",
            "/etc/profile",       "/etc/ssl/openssl.cnf",
            "/etc/xml",           "/etc/sgml",
            "/etc/fonts",
        };
        for (const char* pattern : {"/etc/java-*", "/etc/python3*", "/etc/gcc*", "/etc/llvm*"}) {
            glob_t matches{};
            if (glob(pattern, 0, nullptr, &matches) == 0)
                for (std::size_t i = 0; i < matches.gl_pathc; ++i)
                    list.emplace_back(matches.gl_pathv[i]);
            globfree(&matches);
        }
        return list;
    }();
    return paths;
}

std::map<std::string, std::string> BubblewrapCommandLine::generatedEtcFiles()
{
    const std::string id = std::to_string(kInsideUid);
    return {
        {"passwd", "root:x:0:0:root:/nonexistent:/usr/sbin/nologin\n"
                   "builder:x:" +
                       id + ":" + id + ":Builder sandbox:" + kHome +
                       ":/bin/sh\n"
                       "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n"},
        {"group", "root:x:0:\nbuilder:x:" + id + ":\nnogroup:x:65534:\n"},
        {"hosts", "127.0.0.1\tlocalhost builder-sandbox\n"
                  "::1\tlocalhost ip6-localhost ip6-loopback\n"},
        // Empty: the mount point for the host's when the network is allowed.
        {"resolv.conf", ""},
    };
}

std::map<std::string, std::string> BubblewrapCommandLine::generatedEtcLinks()
{
    return {{"mtab", "../proc/self/mounts"}};
}

std::map<std::string, std::string>
BubblewrapCommandLine::baseEnvironment(const std::string& workspaceInside)
{
    return {
        {"PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"},
        {"HOME", kHome},
        {"USER", "builder"},
        {"LOGNAME", "builder"},
        {"SHELL", "/bin/sh"},
        {"LANG", "C.UTF-8"},
        {"TMPDIR", "/tmp"},
        {"TERM", "dumb"},
        {"CI", "true"},
        {"BUILDER_SANDBOX", "1"},
        {"BUILDER_WORKSPACE", workspaceInside},
        // Git inside the sandbox reads the read-only repository of another uid.
        {"GIT_CONFIG_NOSYSTEM", "1"},
        {"GIT_TERMINAL_PROMPT", "0"},
        {"GIT_CONFIG_COUNT", "1"},
        {"GIT_CONFIG_KEY_0", "safe.directory"},
        {"GIT_CONFIG_VALUE_0", "*"},
    };
}

std::vector<std::string> BubblewrapCommandLine::build(const Input& input)
{
    std::vector<std::string> args = {input.bwrap};
    add(args, {"--unshare-user", "--unshare-pid", "--unshare-ipc", "--unshare-uts",
               "--unshare-cgroup", "--disable-userns", "--die-with-parent", "--new-session",
               "--uid", std::to_string(kInsideUid), "--gid", std::to_string(kInsideUid),
               "--hostname", "builder-sandbox"});
    if (input.allowNetwork)
        add(args, {"--share-net"});
    else
        add(args, {"--unshare-net"});

    // The read-only system. Merged-/usr systems have /bin etc. as symlinks.
    add(args, {"--ro-bind", "/usr", "/usr"});
    for (const char* top : {"/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"}) {
        struct stat st;
        if (lstat(top, &st) != 0)
            continue;
        if (S_ISLNK(st.st_mode)) {
            char target[4096];
            const ssize_t n = readlink(top, target, sizeof target - 1);
            if (n > 0)
                add(args, {"--symlink", std::string(target, static_cast<std::size_t>(n)), top});
        } else if (S_ISDIR(st.st_mode)) {
            add(args, {"--ro-bind", top, top});
        }
    }
    // One directory for all of /etc (its extra read-only paths are copied in).
    add(args, {"--ro-bind", input.etcSource, "/etc"});
    if (input.allowNetwork)
        add(args, {"--ro-bind-try", "/etc/resolv.conf", "/etc/resolv.conf"});
    for (const auto& path : input.extraReadOnlyPaths)
        if (path.rfind("/etc/", 0) != 0)
            add(args, {"--ro-bind-try", path, path});

    add(args, {"--proc", "/proc", "--dev", "/dev"});
    const std::string size = std::to_string(input.tmpfsBytes);
    add(args, {"--size", size, "--tmpfs", "/tmp", "--size", size, "--tmpfs", kHome, "--dir", "/var",
               "--symlink", "../tmp", "/var/tmp"});

    add(args, {"--bind", input.workspaceSource, Sandbox::kWorkspaceMount});
    if (input.protectGit)
        add(args, {"--ro-bind", input.workspaceSource + "/.git",
                   std::string(Sandbox::kWorkspaceMount) + "/.git"});
    add(args, {"--remount-ro", "/", "--chdir", input.cwdInside, "--clearenv"});
    for (const auto& [name, value] : input.env)
        add(args, {"--setenv", name, value});
    add(args, {"--seccomp", std::to_string(kSeccompFd), "--json-status-fd",
               std::to_string(kStatusFd), "--"});
    args.insert(args.end(), input.command.begin(), input.command.end());
    return args;
}

} // namespace builder::executor
