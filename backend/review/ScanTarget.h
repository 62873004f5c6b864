#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace builder::review {

// One line the scanners look at: its number in the new file and its text.
struct ScanLine
{
    int number = 0;
    std::string_view text;
};

// The lines of one file the scanners look at, in file order: the diff's added
// lines, or a new file's whole content. The views point into the diff or the
// contents handed to the Reviewer and live as long as they do.
struct ScanTarget
{
    std::string path;
    std::vector<ScanLine> lines;
};

} // namespace builder::review
