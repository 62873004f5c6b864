#pragma once

#include "Thresholds.h"
#include "common/diff/UnifiedDiff.h"

#include <map>
#include <string>
#include <vector>

namespace builder::review {

// Everything one review looks at.
struct ReviewInput
{
    common::diff::UnifiedDiff diff;
    // The patch text itself, for the model reviewer (may be empty without one).
    std::string diffText;
    // Full new contents by path (optional). An added file's content is scanned
    // whole instead of its diff lines.
    std::map<std::string, std::string> newContents;
    std::vector<std::string> planTargetFiles; // empty: not checked
    std::vector<std::string> forbiddenPaths;
    Thresholds thresholds;
    int iteration = 1; // the 1-based code-generation round that produced the diff
    int maxIterations = Thresholds::kDefaultMaxIterations;
    int largeDeletionLines = 500;
};

} // namespace builder::review
