#include "PathPolicy.h"

#include <algorithm>

namespace builder::pipeline {

namespace fs = std::filesystem;

PathPolicy::PathPolicy(fs::path root, const std::vector<std::string>& allowed,
                       const std::vector<std::string>& forbidden)
    : m_root(std::move(root))
{
    std::error_code ec;
    m_canonicalRoot = fs::weakly_canonical(m_root, ec);
    if (ec)
        m_canonicalRoot = m_root;
    m_allowed = allowed;
    m_forbidden = forbidden;
}

std::optional<std::string> PathPolicy::normalise(const std::string& path)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= path.size()) {
        auto end = path.find('/', start);
        if (end == std::string::npos)
            end = path.size();
        const auto part = path.substr(start, end - start);
        if (part == "..") {
            if (parts.empty())
                return std::nullopt;
            parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        start = end + 1;
    }
    std::string out;
    for (const auto& part : parts)
        out += (out.empty() ? "" : "/") + part;
    return out;
}

common::Error PathPolicy::violation(const std::string& path, const std::string& rule) const
{
    return common::Error(common::StatusCode::PermissionDenied,
                         "path policy: \"" + path + "\" " + rule);
}

common::Result<std::string> PathPolicy::check(const std::string& path) const
{
    if (path.empty())
        return violation(path, "is empty");
    if (path.find('\0') != std::string::npos)
        return violation(path, "contains a NUL byte");
    if (path.find('\\') != std::string::npos)
        return violation(path, "contains a backslash; use '/' as the separator");
    if (path.front() == '/' || path.front() == '~' ||
        (path.size() > 1 && path[1] == ':' && std::isalpha(static_cast<unsigned char>(path[0]))))
        return violation(path, "is absolute; paths must be relative to the repository root");
    const auto normal = normalise(path);
    if (!normal)
        return violation(path, "climbs out of the worktree with '..'");
    if (normal->empty())
        return violation(path, "names the repository root itself, not a file");
    // .git anywhere (the repository's own or a submodule's) is never editable.
    for (std::size_t start = 0; start <= normal->size();) {
        auto end = normal->find('/', start);
        if (end == std::string::npos)
            end = normal->size();
        auto segment = normal->substr(start, end - start);
        std::transform(segment.begin(), segment.end(), segment.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (segment == ".git")
            return violation(path, "is inside .git, which edits may never touch");
        start = end + 1;
    }
    // Follow every existing component: a symlink may not lead outside the worktree.
    fs::path at = m_root;
    std::size_t start = 0;
    while (start <= normal->size()) {
        auto end = normal->find('/', start);
        if (end == std::string::npos)
            end = normal->size();
        at /= normal->substr(start, end - start);
        std::error_code ec;
        const auto status = fs::symlink_status(at, ec);
        if (ec || !fs::exists(status))
            break;
        if (fs::is_symlink(status)) {
            const auto target = fs::weakly_canonical(at, ec);
            const auto rootText = m_canonicalRoot.string() + "/";
            if (ec || (target.string() + "/").rfind(rootText, 0) != 0)
                return violation(path, "goes through a symbolic link that points outside the "
                                       "worktree");
        }
        start = end + 1;
    }
    if (!m_allowed.empty() &&
        std::none_of(m_allowed.begin(), m_allowed.end(),
                     [&](const std::string& p) { return common::PathGlob::matches(p, *normal); }))
        return violation(path, "is outside allowed_paths");
    for (const auto& p : m_forbidden)
        if (common::PathGlob::matches(p, *normal))
            return violation(path, "matches forbidden_paths entry \"" + p + "\"");
    return *normal;
}

} // namespace builder::pipeline
