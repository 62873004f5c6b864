#pragma once

#include "common/Result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace builder::git {

// One path in a repository's index (stage 0), with the stat data git records so a
// caller can tell whether the working-tree file still holds the indexed blob.
struct TrackedFile
{
    std::string path;   // relative to the work tree, '/'-separated
    std::string blobId; // hex object id of the indexed blob
    std::uint32_t mode = 0;
    std::uint64_t size = 0;
    std::int64_t mtimeSeconds = 0;
    std::uint32_t mtimeNanoseconds = 0;

    bool isRegularFile() const { return (mode & 0170000u) == 0100000u; }
    bool isSymlink() const { return mode == 0120000u; }
    bool isSubmodule() const { return mode == 0160000u; }
};

// The index of one work tree, sorted by path as git keeps it.
struct TrackedFileList
{
    std::string workdir;
    std::vector<TrackedFile> files;
    // When the index file was last written: an entry whose file mtime is not older
    // than this is "racily clean" and its stat data proves nothing.
    std::int64_t indexMtimeSeconds = 0;
    std::uint32_t indexMtimeNanoseconds = 0;
};

// Lists the files git tracks in a work tree (what `git ls-files -s` shows), from
// the index alone: untracked and ignored files never appear, nothing is written.
class TrackedFiles
{
public:
    // True when `path` itself is the top of a non-bare git work tree (no upward search).
    static bool isWorkTree(const std::string& path);
    // Errors: NotFound for a missing path, FailedPrecondition when `workdir` is not
    // the top of a work tree (bare, or no repository), Internal for a broken index.
    static common::Result<TrackedFileList> list(const std::string& workdir);
};

} // namespace builder::git
