#pragma once

#include "common/Result.h"

#include <string>
#include <sys/types.h>

namespace builder::executor {

// The host uid/gid sandboxed processes run as. When builderd is root it is the
// configured unprivileged user (never uid 0); otherwise builderd's own user,
// which bubblewrap maps into its user namespace.
struct SandboxUser
{
    uid_t uid = 0;
    gid_t gid = 0;
    bool dropsRoot = false; // builderd is root and drops to uid before bwrap
    std::string name;

    // `user` is a name or a number.
    static common::Result<SandboxUser> resolve(const std::string& user);
    std::string describe() const;
};

} // namespace builder::executor
