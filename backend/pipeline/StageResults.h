#pragma once

#include "FileEdit.h"

#include <string>
#include <vector>

namespace builder::pipeline {

// NormalizeSpec: the spec as a problem statement with testable criteria.
struct NormalizedSpec
{
    std::string problemStatement;
    std::vector<std::string> requirements;
    std::vector<std::string> acceptanceCriteria;
    std::vector<std::string> outOfScope;
    std::vector<std::string> searchTerms;

    // Text for the lexical ranking: title, statement, requirements, terms.
    std::string queryText(const std::string& title) const;
};

// AnalyzeImpact: one file the feature touches and why.
struct ImpactedFile
{
    std::string path;
    std::string reason;
};

struct ImpactAnalysis
{
    std::vector<ImpactedFile> direct;
    std::vector<ImpactedFile> indirect;
    std::vector<ImpactedFile> newFiles;
};

} // namespace builder::pipeline
