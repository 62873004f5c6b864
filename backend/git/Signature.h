#pragma once

#include <string>

namespace builder::git {

// Who a commit is by: used as author and committer, with the current time.
struct Signature
{
    std::string name;
    std::string email;
};

} // namespace builder::git
