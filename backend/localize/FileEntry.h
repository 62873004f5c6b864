#pragma once

#include "localize/Language.h"

#include <cstdint>
#include <string>

namespace builder::localize {

// One file of the repository map. For a git work tree the index's record of it
// (blob id and stat data) comes along, so the scanner can reuse cached facts for
// files that still hold the indexed blob.
struct FileEntry
{
    std::string path; // relative to the root, '/'-separated
    Language language = Language::Other;
    std::string blobId;              // git only
    std::uint64_t indexedSize = 0;   // git only: size recorded in the index
    std::int64_t indexedMtimeNs = 0; // git only: mtime recorded in the index
    bool symlink = false;
    bool submodule = false;
};

} // namespace builder::localize
