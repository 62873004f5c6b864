#include "localize/GitignoreMatcher.h"

#include <algorithm>

namespace builder::localize {

namespace {

std::size_t depthOf(const std::string& base)
{
    return base.empty() ? 0
                        : 1 + static_cast<std::size_t>(std::count(base.begin(), base.end(), '/'));
}

} // namespace

void GitignoreMatcher::add(const std::string& base, std::string_view content)
{
    File file;
    file.base = base;
    file.depth = depthOf(base);
    std::size_t start = 0;
    while (start <= content.size()) {
        const auto end = content.find('\n', start);
        const auto line = content.substr(
            start, end == std::string_view::npos ? std::string_view::npos : end - start);
        if (auto pattern = GitignorePattern::parse(line))
            file.patterns.push_back(std::move(*pattern));
        if (end == std::string_view::npos)
            break;
        start = end + 1;
    }
    const auto at =
        std::upper_bound(m_files.begin(), m_files.end(), file.depth,
                         [](std::size_t depth, const File& f) { return depth < f.depth; });
    m_files.insert(at, std::move(file));
}

void GitignoreMatcher::remove(const std::string& base)
{
    for (auto it = m_files.rbegin(); it != m_files.rend(); ++it) {
        if (it->base == base) {
            m_files.erase(std::next(it).base());
            return;
        }
    }
}

bool GitignoreMatcher::matches(std::string_view path, bool isDirectory) const
{
    // The deepest file, then its last line, decides: walk backwards, first hit wins.
    for (auto file = m_files.rbegin(); file != m_files.rend(); ++file) {
        std::string_view relative = path;
        if (!file->base.empty()) {
            if (path.size() <= file->base.size() + 1 ||
                path.substr(0, file->base.size()) != file->base || path[file->base.size()] != '/')
                continue;
            relative = path.substr(file->base.size() + 1);
        }
        for (auto pattern = file->patterns.rbegin(); pattern != file->patterns.rend(); ++pattern) {
            if (pattern->matches(relative, isDirectory))
                return !pattern->negated();
        }
    }
    return false;
}

bool GitignoreMatcher::ignored(std::string_view path, bool isDirectory) const
{
    for (std::size_t slash = path.find('/'); slash != std::string_view::npos;
         slash = path.find('/', slash + 1)) {
        if (matches(path.substr(0, slash), true))
            return true;
    }
    return matches(path, isDirectory);
}

} // namespace builder::localize
