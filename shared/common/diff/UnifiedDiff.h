#pragma once

#include "DiffFile.h"

#include <vector>

namespace builder::common::diff {

// A parsed patch: its files in the order the patch lists them.
struct UnifiedDiff
{
    std::vector<DiffFile> files;

    int additions() const
    {
        int total = 0;
        for (const auto& file : files)
            total += file.additions;
        return total;
    }
    int deletions() const
    {
        int total = 0;
        for (const auto& file : files)
            total += file.deletions;
        return total;
    }
};

} // namespace builder::common::diff
