#pragma once

#include <string>

namespace builder::common::diff {

// What a line of a hunk is: unchanged context, added on the new side, removed
// from the old side. The numbers equal feature.review.v1.LineKind's.
enum class LineKind : int
{
    Context = 1,
    Added = 2,
    Removed = 3,
};

// One line of a hunk with its numbers in the old and new file (0 on the side
// where the line does not exist), its text without the +/-/space prefix and
// without the line end.
struct DiffLine
{
    LineKind kind = LineKind::Context;
    int oldLine = 0;
    int newLine = 0;
    std::string content;
    // "\ No newline at end of file" followed this line.
    bool noNewlineAtEnd = false;
};

} // namespace builder::common::diff
