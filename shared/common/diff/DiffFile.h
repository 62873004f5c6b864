#pragma once

#include "DiffHunk.h"

#include <string>
#include <vector>

namespace builder::common::diff {

// How a file changed. Added..Renamed equal feature.review.v1.FileStatus;
// Copied has no proto value and maps to FILE_STATUS_ADDED there.
enum class FileStatus : int
{
    Added = 1,
    Modified = 2,
    Deleted = 3,
    Renamed = 4,
    Copied = 5,
};

// One file of a unified diff. Paths are repository-relative with git's
// "a/"/"b/" prefixes removed and quoting undone; oldPath is empty for an added
// file, newPath empty for a deleted one.
struct DiffFile
{
    std::string oldPath;
    std::string newPath;
    FileStatus status = FileStatus::Modified;
    bool binary = false;
    std::string oldMode; // "100644"; empty when the diff does not say
    std::string newMode;
    std::string oldIndex; // abbreviated blob ids from the "index" line
    std::string newIndex;
    int similarity = -1; // rename/copy similarity in percent, -1 when not given
    int additions = 0;
    int deletions = 0;
    std::vector<DiffHunk> hunks;

    // The path a reader knows the file by: the new one, or the old one when
    // the file was deleted.
    const std::string& path() const { return newPath.empty() ? oldPath : newPath; }
};

} // namespace builder::common::diff
