#pragma once

#include <string>

namespace builder::git {

// One reference a remote advertises.
struct RemoteRef
{
    std::string name; // full name, e.g. "refs/heads/main"
    std::string oid;  // hex object id

    bool operator==(const RemoteRef&) const = default;
};

} // namespace builder::git
