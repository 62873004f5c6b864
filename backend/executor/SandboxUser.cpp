#include "SandboxUser.h"

#include <pwd.h>
#include <unistd.h>
#include <vector>

namespace builder::executor {

common::Result<SandboxUser> SandboxUser::resolve(const std::string& user)
{
    SandboxUser result;
    if (geteuid() != 0) {
        result.uid = getuid();
        result.gid = getgid();
        result.name = "builderd's own user";
        return result;
    }
    result.dropsRoot = true;
    const bool numeric = !user.empty() && user.find_first_not_of("0123456789") == std::string::npos;
    passwd entry{};
    passwd* found = nullptr;
    std::vector<char> buffer(16384);
    if (numeric) {
        const unsigned long number = std::stoul(user);
        getpwuid_r(static_cast<uid_t>(number), &entry, buffer.data(), buffer.size(), &found);
        result.uid = static_cast<uid_t>(number);
        result.gid = found ? found->pw_gid : static_cast<gid_t>(number);
        result.name = found ? found->pw_name : user;
    } else {
        getpwnam_r(user.c_str(), &entry, buffer.data(), buffer.size(), &found);
        if (!found) {
            if (user != "nobody")
                return common::Error::failedPrecondition(
                    "sandbox_user \"" + user +
                    "\" does not exist (create it with `useradd "
                    "--system --no-create-home " +
                    user + "`, or give a numeric uid)");
            result.uid = 65534; // the kernel's overflow uid, "nobody" everywhere
            result.gid = 65534;
        } else {
            result.uid = found->pw_uid;
            result.gid = found->pw_gid;
        }
        result.name = user;
    }
    if (result.uid == 0 || result.gid == 0)
        return common::Error::failedPrecondition(
            "sandbox_user resolves to uid/gid 0: sandboxed code must never run as root");
    return result;
}

std::string SandboxUser::describe() const
{
    if (dropsRoot)
        return "uid " + std::to_string(uid) + " (" + name + "; root dropped before bwrap)";
    return "uid " + std::to_string(uid) + " (" + name + ")";
}

} // namespace builder::executor
