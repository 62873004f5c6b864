#include "GitRefName.h"

namespace builder::common {

namespace {
constexpr std::string_view kLockSuffix = ".lock";

bool isForbiddenChar(unsigned char c)
{
    switch (c) {
    case '~':
    case '^':
    case ':':
    case '?':
    case '*':
    case '[':
    case '\\':
        return true;
    default:
        return false;
    }
}

// Checks one '/'-separated component; returns a problem clause or empty.
std::string componentProblem(std::string_view component)
{
    if (component.front() == '.')
        return "no path component may start with '.'";
    if (component.size() >= kLockSuffix.size() && component.ends_with(kLockSuffix))
        return "no path component may end with '.lock'";
    return {};
}
} // namespace

bool GitRefName::isValidBranchName(std::string_view name)
{
    return branchNameProblem(name).empty();
}

std::string GitRefName::branchNameProblem(std::string_view name)
{
    if (name.empty())
        return "it must not be empty";
    if (name.size() > kMaxBranchNameBytes)
        return "it must be at most " + std::to_string(kMaxBranchNameBytes) + " bytes long";
    if (name == "@")
        return "it must not be '@'";
    // git refuses to create a branch named HEAD: it would shadow the symbolic ref.
    if (name == "HEAD")
        return "it must not be 'HEAD'";
    if (name.front() == '-')
        return "it must not start with '-'";
    if (name.front() == '/' || name.back() == '/')
        return "it must not start or end with '/'";
    if (name.back() == '.')
        return "it must not end with '.'";
    for (const char ch : name) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == 0x7F || c == ' ')
            return "it must not contain spaces or control characters";
        if (isForbiddenChar(c))
            return "it must not contain '~', '^', ':', '?', '*', '[' or '\\'";
    }
    if (name.find("..") != std::string_view::npos)
        return "it must not contain '..'";
    if (name.find("@{") != std::string_view::npos)
        return "it must not contain '@{'";
    if (name.find("//") != std::string_view::npos)
        return "it must not contain '//'";

    std::size_t start = 0;
    while (start < name.size()) {
        const std::size_t slash = name.find('/', start);
        const std::size_t end = slash == std::string_view::npos ? name.size() : slash;
        if (auto problem = componentProblem(name.substr(start, end - start)); !problem.empty())
            return problem;
        start = end + 1;
    }
    return {};
}

} // namespace builder::common
