#include "git/WorkspaceJanitor.h"

#include "git/DirectoryRemover.h"
#include "git/ScratchDirectory.h"
#include "git/WorktreePruner.h"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <vector>

namespace builder::git {

namespace fs = std::filesystem;

using common::Error;
using common::Result;

namespace {

constexpr const char* kMirrorSuffix = ".git";

// The execution owning a directory under the root: its own name for a workspace,
// the target's name for a scratch directory; nothing for anything else.
std::optional<std::string> ownerOf(const fs::directory_entry& entry)
{
    std::error_code ec;
    if (!entry.is_directory(ec) || entry.is_symlink(ec)) {
        return std::nullopt;
    }
    const std::string name = entry.path().filename().string();
    if (const std::string target = ScratchDirectory::targetNameOf(name); !target.empty()) {
        return target;
    }
    if (name.empty() || name.front() == '.' || !fs::exists(entry.path() / ".git", ec)) {
        return std::nullopt;
    }
    return name;
}

fs::file_time_type lastChange(const fs::path& dir)
{
    fs::file_time_type newest = fs::file_time_type::min();
    for (const fs::path& candidate :
         {dir, dir / ".git" / "index", dir / ".git" / "HEAD", dir / ".git" / "logs" / "HEAD"}) {
        std::error_code ec;
        const auto stamp = fs::last_write_time(candidate, ec);
        if (!ec) {
            newest = std::max(newest, stamp);
        }
    }
    return newest;
}

template <typename ShouldRemove>
Result<JanitorReport> sweep(const std::string& root, const std::set<std::string>& live,
                            ShouldRemove shouldRemove)
{
    JanitorReport report;
    std::error_code ec;
    if (!fs::exists(root, ec)) {
        return report;
    }
    // Collected first: deleting while the directory is being read is unspecified.
    std::vector<fs::path> doomed;
    fs::directory_iterator it(root, ec);
    for (const fs::directory_iterator end; !ec && it != end; it.increment(ec)) {
        const auto owner = ownerOf(*it);
        if (owner && live.count(*owner) == 0 && shouldRemove(it->path())) {
            doomed.push_back(it->path());
        }
    }
    if (ec) {
        return Error::internal("cannot list the workspace root " + root + ": " + ec.message());
    }
    for (const fs::path& path : doomed) {
        if (auto removed = DirectoryRemover::remove(path.string()); removed) {
            report.removed.push_back(path.string());
        } else {
            report.failures.push_back(path.string() + ": " + removed.error().message());
        }
    }
    std::sort(report.removed.begin(), report.removed.end());
    return report;
}

int pruneMirrors(const std::string& mirrorRoot)
{
    int pruned = 0;
    std::error_code ec;
    for (fs::directory_iterator it(mirrorRoot, ec), end; !ec && it != end; it.increment(ec)) {
        const fs::path& path = it->path();
        if (path.extension() == kMirrorSuffix && it->is_directory(ec)) {
            pruned += WorktreePruner::prune(path.string());
        }
    }
    return pruned;
}

} // namespace

Result<JanitorReport> WorkspaceJanitor::removeExpired(const std::string& root,
                                                      const std::set<std::string>& live,
                                                      std::chrono::seconds retention)
{
    const auto cutoff = fs::file_time_type::clock::now() - retention;
    return sweep(root, live, [&](const fs::path& dir) { return lastChange(dir) < cutoff; });
}

Result<JanitorReport> WorkspaceJanitor::reconcile(const std::string& root,
                                                  const std::set<std::string>& live,
                                                  const std::string& mirrorRoot)
{
    auto report = sweep(root, live, [](const fs::path&) { return true; });
    if (report && !mirrorRoot.empty()) {
        report->prunedWorktrees = pruneMirrors(mirrorRoot);
    }
    return report;
}

} // namespace builder::git
