#pragma once

#include <optional>
#include <string_view>

namespace builder::review {

// How bad a finding is. The numbers equal feature.review.v1.Severity's.
enum class Severity : int
{
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
};

// "low", "medium", "high", "critical".
const char* severityName(Severity severity);
std::optional<Severity> parseSeverity(std::string_view name);

// Which part of the reviewer produced a finding. The numbers equal
// feature.review.v1.FindingSource's.
enum class FindingSource : int
{
    Secrets = 1,
    Security = 2,
    Policy = 3,
    Model = 4, // an LLM's opinion, never a deterministic rule
};

// "secrets", "security", "policy", "model".
const char* sourceName(FindingSource source);

// What the review says should happen next. The numbers equal
// feature.review.v1.ReviewDecision's.
enum class Decision : int
{
    Approve = 1,
    Iterate = 2,
    ManualReview = 3,
    Abort = 4,
};

// "approve", "iterate", "manual_review", "abort".
const char* decisionName(Decision decision);

} // namespace builder::review
