#include "git/WorktreePruner.h"

#include "git/GitHandle.h"
#include "git/RepositoryOpener.h"

#include <git2.h>

namespace builder::git {

namespace {

// A git_strarray libgit2 fills and this object disposes.
class NameList
{
public:
    NameList() = default;
    ~NameList() { git_strarray_dispose(&m_names); }
    NameList(const NameList&) = delete;
    NameList& operator=(const NameList&) = delete;
    git_strarray* get() { return &m_names; }

private:
    git_strarray m_names{nullptr, 0};
};

} // namespace

int WorktreePruner::prune(const std::string& repositoryPath)
{
    auto repo = RepositoryOpener::any(repositoryPath, "repository");
    if (!repo) {
        return 0;
    }
    NameList names;
    if (git_worktree_list(names.get(), repo->get()) < 0) {
        return 0;
    }
    int pruned = 0;
    for (std::size_t i = 0; i < names.get()->count; ++i) {
        WorktreeHandle worktree;
        if (git_worktree_lookup(worktree.out(), repo->get(), names.get()->strings[i]) < 0) {
            continue;
        }
        // No flags: only entries that are invalid (directory gone) and not locked.
        git_worktree_prune_options options = GIT_WORKTREE_PRUNE_OPTIONS_INIT;
        if (git_worktree_is_prunable(worktree.get(), &options) > 0 &&
            git_worktree_prune(worktree.get(), &options) == 0) {
            ++pruned;
        }
    }
    return pruned;
}

} // namespace builder::git
