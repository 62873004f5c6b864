#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace builder::common {

// Git branch names as `git check-ref-format --branch` accepts them.
class GitRefName
{
public:
    static constexpr std::size_t kMaxBranchNameBytes = 255;

    static bool isValidBranchName(std::string_view name);

    // Why a branch name is invalid, as a clause ("it must not contain '..'");
    // empty when the name is valid. Lets forms say what to fix.
    static std::string branchNameProblem(std::string_view name);
};

} // namespace builder::common
