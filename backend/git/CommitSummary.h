#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace builder::git {

// One commit of a range, as Workspace::commitsBetween lists it.
struct CommitSummary
{
    std::string sha;
    std::vector<std::string> parents;
    std::string authorName;
    std::string authorEmail;
    std::int64_t authorTime = 0; // seconds since the epoch
    std::string subject;         // the first paragraph joined into one line
    std::string message;         // the whole message
};

} // namespace builder::git
