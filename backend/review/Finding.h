#pragma once

#include "Severity.h"

#include <string>

namespace builder::review {

// One result of the automated review, anchored to a file and a line of the new
// file (0 for file-level findings). message and fixHint never contain a secret.
struct Finding
{
    std::string id; // stable for the same rule, file, line and message; set by the Reviewer
    std::string ruleId;
    Severity severity = Severity::Low;
    FindingSource source = FindingSource::Policy;
    std::string file;
    int line = 0;
    std::string message;
    std::string fixHint;

    bool operator==(const Finding&) const = default;
};

// The report order: severity (critical first), then file, line, rule, message.
// Total, so the same findings always come out in the same order.
bool findingBefore(const Finding& a, const Finding& b);

// A short hex id derived from rule, file, line and message (FNV-1a 64).
std::string findingId(const Finding& finding);

} // namespace builder::review
