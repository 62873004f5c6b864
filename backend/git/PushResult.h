#pragma once

#include <string>

namespace builder::git {

// The outcome of Pusher::push.
struct PushResult
{
    bool pushed = false;       // this call updated the remote branch
    bool alreadyThere = false; // the remote branch already was at the commit
    std::string remoteSha;     // the remote branch afterwards
};

} // namespace builder::git
