#pragma once

#include "DiffDocument.h"

namespace builder::diff {

// Lays one file's hunks out as rows: unified (old and new numbers in one
// margin) and side by side (removed/added runs paired, fillers for the rest).
class DiffLayout
{
public:
    static void layOut(const feature::review::v1::DiffFile& file, DiffDocument::File& out);
};

} // namespace builder::diff
