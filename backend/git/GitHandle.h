#pragma once

// Private to builder_git: includes libgit2.
#include <git2.h>

#include <utility>

namespace builder::git {

// Owns one libgit2 handle and frees it exactly once, so no code frees by hand.
// Move-only; out() hands libgit2 the slot to fill (git_remote_create(h.out(), ...)).
template <typename T, void (*Free)(T*)> class GitHandle
{
public:
    GitHandle() = default;
    explicit GitHandle(T* handle) : m_handle(handle) {}
    ~GitHandle() { reset(); }

    GitHandle(const GitHandle&) = delete;
    GitHandle& operator=(const GitHandle&) = delete;
    GitHandle(GitHandle&& other) noexcept : m_handle(std::exchange(other.m_handle, nullptr)) {}
    GitHandle& operator=(GitHandle&& other) noexcept
    {
        if (this != &other) {
            reset();
            m_handle = std::exchange(other.m_handle, nullptr);
        }
        return *this;
    }

    T* get() const { return m_handle; }
    explicit operator bool() const { return m_handle != nullptr; }

    // Frees any current handle first, so a reused wrapper never leaks.
    T** out()
    {
        reset();
        return &m_handle;
    }

    void reset()
    {
        if (m_handle != nullptr) {
            Free(m_handle);
            m_handle = nullptr;
        }
    }

private:
    T* m_handle = nullptr;
};

using RepositoryHandle = GitHandle<git_repository, git_repository_free>;
using RemoteHandle = GitHandle<git_remote, git_remote_free>;
using ReferenceHandle = GitHandle<git_reference, git_reference_free>;
using ObjectHandle = GitHandle<git_object, git_object_free>;
using CommitHandle = GitHandle<git_commit, git_commit_free>;
using TreeHandle = GitHandle<git_tree, git_tree_free>;
using ConfigHandle = GitHandle<git_config, git_config_free>;
using IndexHandle = GitHandle<git_index, git_index_free>;
using DiffHandle = GitHandle<git_diff, git_diff_free>;
using DiffStatsHandle = GitHandle<git_diff_stats, git_diff_stats_free>;
using PatchHandle = GitHandle<git_patch, git_patch_free>;
using RevwalkHandle = GitHandle<git_revwalk, git_revwalk_free>;
using SignatureHandle = GitHandle<git_signature, git_signature_free>;
using StatusListHandle = GitHandle<git_status_list, git_status_list_free>;
using BlobHandle = GitHandle<git_blob, git_blob_free>;
using TreeEntryHandle = GitHandle<git_tree_entry, git_tree_entry_free>;
using WorktreeHandle = GitHandle<git_worktree, git_worktree_free>;

} // namespace builder::git
