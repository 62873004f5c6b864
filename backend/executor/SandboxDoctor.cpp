#include "SandboxDoctor.h"

#include "BubblewrapSandbox.h"
#include "CgroupSupport.h"
#include "SandboxUser.h"
#include "SeccompPolicy.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace builder::executor {

namespace {

using Status = DoctorCheck::Status;

std::string firstLine(const std::string& path)
{
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    return line;
}

// "Name:\tvalue" from a /proc status text.
std::string field(const std::string& status, const std::string& name)
{
    std::istringstream lines(status);
    std::string line;
    while (std::getline(lines, line))
        if (line.rfind(name + ":", 0) == 0) {
            std::string value = line.substr(name.size() + 1);
            const auto first = value.find_first_not_of(" \t");
            return first == std::string::npos ? std::string() : value.substr(first);
        }
    return {};
}

} // namespace

SandboxDoctor::SandboxDoctor(ExecutorConfig config) : m_config(std::move(config)) {}

std::vector<DoctorCheck> SandboxDoctor::run() const
{
    std::vector<DoctorCheck> checks;
    if (m_config.unsandboxed())
        checks.push_back({"sandbox setting", Status::Warn,
                          "sandbox = none: builds and tests run UNSANDBOXED",
                          "remove `sandbox = none` (or SANDBOX_TYPE=none) to sandbox them"});

    const std::string bwrap = BubblewrapSandbox::findBwrap(m_config.bwrapPath);
    if (bwrap.empty()) {
        checks.push_back({"bubblewrap", Status::Fail,
                          "bwrap not found" + (m_config.bwrapPath.empty()
                                                   ? std::string(" (looked in /usr/bin and $PATH)")
                                                   : " at " + m_config.bwrapPath),
                          "apt-get install bubblewrap"});
    } else {
        const std::string version = BubblewrapSandbox::queryVersion(bwrap);
        struct stat st;
        const bool setuid = stat(bwrap.c_str(), &st) == 0 && (st.st_mode & S_ISUID);
        if (version.empty())
            checks.push_back({"bubblewrap", Status::Fail, bwrap + " --version failed",
                              "reinstall bubblewrap (apt-get install --reinstall bubblewrap)"});
        else
            checks.push_back({"bubblewrap", Status::Ok,
                              bwrap + " " + version +
                                  (setuid ? " (setuid root)" : " (not setuid: user namespaces)"),
                              ""});
    }

    {
        DoctorCheck check{"user namespaces", Status::Ok, "", ""};
        const std::string max = firstLine("/proc/sys/user/max_user_namespaces");
        const std::string clone = firstLine("/proc/sys/kernel/unprivileged_userns_clone");
        const std::string apparmor =
            firstLine("/proc/sys/kernel/apparmor_restrict_unprivileged_userns");
        check.detail = "max_user_namespaces=" + (max.empty() ? "?" : max);
        if (!clone.empty())
            check.detail += ", unprivileged_userns_clone=" + clone;
        if (!apparmor.empty())
            check.detail += ", apparmor_restrict_unprivileged_userns=" + apparmor;
        if (max == "0") {
            check.status = Status::Fail;
            check.fix = "sysctl -w user.max_user_namespaces=15000 (and persist it in "
                        "/etc/sysctl.d)";
        } else if (clone == "0") {
            check.status = Status::Fail;
            check.fix = "sysctl -w kernel.unprivileged_userns_clone=1";
        } else if (apparmor == "1") {
            check.status = Status::Warn;
            check.fix = "if the live probe fails: allow bwrap user namespaces with an AppArmor "
                        "profile, or sysctl -w kernel.apparmor_restrict_unprivileged_userns=0";
        }
        checks.push_back(check);
    }

    {
        std::ifstream status("/proc/self/status");
        std::stringstream text;
        text << status.rdbuf();
        auto program = SeccompPolicy::compile();
        if (field(text.str(), "Seccomp").empty())
            checks.push_back({"seccomp", Status::Fail, "the kernel has no seccomp support",
                              "use a kernel built with CONFIG_SECCOMP_FILTER"});
        else if (!program.ok())
            checks.push_back({"seccomp", Status::Fail, program.error().message(),
                              "apt-get install libseccomp2"});
        else
            checks.push_back({"seccomp", Status::Ok,
                              std::to_string(SeccompPolicy::rules().size()) + " deny rules, " +
                                  std::to_string(program->size() / 8) + " BPF instructions",
                              ""});
    }

    if (m_config.cgroups == "off") {
        checks.push_back({"cgroups", Status::Warn,
                          "switched off (sandbox_cgroups = off): rlimits only",
                          "set sandbox_cgroups = auto to limit memory and processes per tree"});
    } else {
        const auto probe = CgroupSupport::detect(m_config.cgroupParent);
        const Status status = probe.usable                    ? Status::Ok
                              : m_config.cgroups == "require" ? Status::Fail
                                                              : Status::Warn;
        checks.push_back({"cgroups", status,
                          probe.summary + (probe.usable ? "" : "; falling back to rlimits"),
                          probe.fix});
    }

    {
        auto user = SandboxUser::resolve(m_config.sandboxUser);
        if (!user.ok())
            checks.push_back({"unprivileged uid", Status::Fail, user.error().message(),
                              "set sandbox_user to an unprivileged user"});
        else if (user->dropsRoot)
            checks.push_back({"unprivileged uid", Status::Ok,
                              "builderd is root; sandboxed code runs as " + user->describe(),
                              user->name == "nobody"
                                  ? "optional: a dedicated user (useradd --system "
                                    "builder-sandbox; sandbox_user = builder-sandbox) keeps "
                                    "sandboxes apart from other nobody processes"
                                  : ""});
        else
            checks.push_back({"unprivileged uid", Status::Ok,
                              "builderd is not root; sandboxed code runs as " + user->describe() +
                                  " mapped into its own user namespace",
                              ""});
    }

    const bool prerequisitesOk = usable(checks);
    if (prerequisitesOk)
        checks.push_back(liveProbe());
    else
        checks.push_back({"live sandbox", Status::Fail, "skipped: a check above failed",
                          "fix the failures above, then run builderd doctor again"});
    return checks;
}

DoctorCheck SandboxDoctor::liveProbe() const
{
    DoctorCheck check{"live sandbox", Status::Ok, "", ""};
    ExecutorConfig config = m_config;
    config.sandbox = "bubblewrap";
    auto sandbox = BubblewrapSandbox::create(config);
    if (!sandbox.ok()) {
        check.status = Status::Fail;
        check.detail = sandbox.error().message();
        check.fix = "see the checks above";
        return check;
    }
    char workspaceTemplate[] = "/tmp/builder-doctor-XXXXXX";
    const char* workspace = mkdtemp(workspaceTemplate);
    if (!workspace) {
        check.status = Status::Fail;
        check.detail = "cannot create a probe workspace in /tmp";
        return check;
    }
    SandboxSpec spec;
    spec.workspace = workspace;
    spec.argv = {"/bin/sh", "-c",
                 "cat /proc/self/status; "
                 "echo NETDEVS $(tail -n +3 /proc/net/dev | cut -d: -f1); "
                 "touch /workspace/probe && echo WORKSPACE-WRITABLE; "
                 "touch /usr/probe 2>/dev/null || echo SYSTEM-READONLY"};
    spec.timeout = std::chrono::seconds(20);
    std::string out;
    auto result = (*sandbox)->run(
        spec, [&out](const OutputChunk& chunk) { out += chunk.text; }, common::CancelToken());
    std::error_code ignored;
    std::filesystem::remove_all(workspace, ignored);
    if (!result.ok()) {
        check.status = Status::Fail;
        check.detail = result.error().message();
        check.fix = "see bwrap's message; on Ubuntu 24.04+ allow unprivileged user namespaces "
                    "for bwrap (AppArmor)";
        return check;
    }
    std::vector<std::string> problems;
    if (field(out, "NoNewPrivs") != "1")
        problems.push_back("no_new_privs is not set");
    if (field(out, "Seccomp") != "2")
        problems.push_back("seccomp filter not active");
    if (field(out, "CapEff") != "0000000000000000")
        problems.push_back("the command has capabilities");
    const std::string uid = field(out, "Uid");
    if (uid.empty() || uid[0] == '0')
        problems.push_back("the command runs as uid 0 inside");
    const auto& user = (*sandbox)->user();
    if (user.uid == 0)
        problems.push_back("the sandbox user is root on the host");
    const auto netdevs = out.find("NETDEVS ");
    const std::string devices =
        netdevs == std::string::npos
            ? ""
            : out.substr(netdevs + 8, out.find('\n', netdevs) - netdevs - 8);
    if (!config.unsandboxed() && devices.find_first_not_of(" lo") != std::string::npos)
        problems.push_back("network devices besides loopback: " + devices);
    if (out.find("WORKSPACE-WRITABLE") == std::string::npos)
        problems.push_back("the workspace is not writable");
    if (out.find("SYSTEM-READONLY") == std::string::npos)
        problems.push_back("/usr is writable");
    if (result->exitCode != 0)
        problems.push_back("probe exited with " + std::to_string(result->exitCode));
    if (!problems.empty()) {
        check.status = Status::Fail;
        for (const auto& problem : problems)
            check.detail += (check.detail.empty() ? "" : "; ") + problem;
        check.fix = "report this: the sandbox does not isolate as designed";
        return check;
    }
    check.detail = (*sandbox)->describe(false) + "; probe ran in " +
                   std::to_string(result->wallTime.count()) + " ms";
    return check;
}

bool SandboxDoctor::usable(const std::vector<DoctorCheck>& checks)
{
    for (const auto& check : checks)
        if (check.status == Status::Fail)
            return false;
    return true;
}

std::string SandboxDoctor::format(const std::vector<DoctorCheck>& checks)
{
    std::string text = "builderd doctor: sandbox checks\n";
    for (const auto& check : checks) {
        const char* label = check.status == Status::Ok     ? "ok  "
                            : check.status == Status::Warn ? "WARN"
                                                           : "FAIL";
        std::string name = check.name;
        name.resize(std::max<std::size_t>(name.size(), 17), ' ');
        text += std::string("  ") + label + "  " + name + " " + check.detail + "\n";
        if (!check.fix.empty())
            text += "        fix: " + check.fix + "\n";
    }
    text += usable(checks) ? "result: the sandbox works\n"
                           : "result: the sandbox CANNOT work; verification fails closed\n";
    return text;
}

std::string SandboxDoctor::diagnostic(const std::vector<DoctorCheck>& checks)
{
    std::string text;
    for (const auto& check : checks)
        if (check.status == Status::Fail)
            text += (text.empty() ? "" : "; ") + check.name + ": " + check.detail +
                    (check.fix.empty() ? "" : " (fix: " + check.fix + ")");
    return text.empty() ? "the sandbox works" : text;
}

} // namespace builder::executor
