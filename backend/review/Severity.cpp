#include "Severity.h"

namespace builder::review {

const char* severityName(Severity severity)
{
    switch (severity) {
    case Severity::Low:
        return "low";
    case Severity::Medium:
        return "medium";
    case Severity::High:
        return "high";
    case Severity::Critical:
        return "critical";
    }
    return "low";
}

std::optional<Severity> parseSeverity(std::string_view name)
{
    for (const Severity s : {Severity::Low, Severity::Medium, Severity::High, Severity::Critical}) {
        if (name == severityName(s))
            return s;
    }
    return std::nullopt;
}

const char* sourceName(FindingSource source)
{
    switch (source) {
    case FindingSource::Secrets:
        return "secrets";
    case FindingSource::Security:
        return "security";
    case FindingSource::Policy:
        return "policy";
    case FindingSource::Model:
        return "model";
    }
    return "policy";
}

const char* decisionName(Decision decision)
{
    switch (decision) {
    case Decision::Approve:
        return "approve";
    case Decision::Iterate:
        return "iterate";
    case Decision::ManualReview:
        return "manual_review";
    case Decision::Abort:
        return "abort";
    }
    return "manual_review";
}

} // namespace builder::review
