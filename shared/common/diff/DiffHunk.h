#pragma once

#include "DiffLine.h"

#include <string>
#include <vector>

namespace builder::common::diff {

// One "@@ -oldStart,oldCount +newStart,newCount @@ section" block and its lines.
struct DiffHunk
{
    int oldStart = 0;
    int oldCount = 0;
    int newStart = 0;
    int newCount = 0;
    // The whole header line as it appeared ("@@ -1,3 +1,4 @@ int main()").
    std::string header;
    // The text after the closing "@@" (git's function context), without the
    // separating space; often empty.
    std::string section;
    std::vector<DiffLine> lines;
};

} // namespace builder::common::diff
