#pragma once

#include "common/Result.h"
#include "localize/FileEntry.h"

#include <map>
#include <string>
#include <vector>

namespace builder::localize {

// The files of a repository with their languages: for a git work tree the files
// git tracks (from libgit2's index, so untracked and ignored files never appear),
// for any other folder a walk honouring .gitignore files. Sorted by path.
class RepositoryMap
{
public:
    // Errors: NotFound when `root` is not an existing folder; Internal when a git
    // index cannot be read.
    static common::Result<RepositoryMap> build(const std::string& root);

    // The absolute, canonical root, ending without '/'.
    const std::string& root() const { return m_root; }
    bool isGit() const { return m_git; }
    // Git only: when the index was written, for the racy-clean check.
    std::int64_t indexMtimeNs() const { return m_indexMtimeNs; }
    const std::vector<FileEntry>& files() const { return m_files; }
    // Files per language name, for summaries.
    std::map<std::string, std::size_t> languageCounts() const;

private:
    std::string m_root;
    bool m_git = false;
    std::int64_t m_indexMtimeNs = 0;
    std::vector<FileEntry> m_files;
};

} // namespace builder::localize
