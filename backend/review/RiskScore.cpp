#include "RiskScore.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

namespace builder::review {

double RiskScore::severityWeight(Severity severity)
{
    switch (severity) {
    case Severity::Critical:
        return 40.0;
    case Severity::High:
        return 20.0;
    case Severity::Medium:
        return 8.0;
    case Severity::Low:
        return 2.0;
    }
    return 0.0;
}

double RiskScore::kindMultiplier(FindingSource source)
{
    switch (source) {
    case FindingSource::Secrets:
        return 1.5;
    case FindingSource::Security:
        return 1.0;
    case FindingSource::Policy:
        return 0.75;
    case FindingSource::Model:
        return 0.5;
    }
    return 1.0;
}

double RiskScore::rawPoints(const std::vector<Finding>& findings)
{
    std::vector<const Finding*> ordered;
    ordered.reserve(findings.size());
    for (const auto& f : findings)
        ordered.push_back(&f);
    std::sort(ordered.begin(), ordered.end(),
              [](const Finding* a, const Finding* b) { return findingBefore(*a, *b); });
    std::map<std::string, int> seen;
    double raw = 0.0;
    for (const Finding* f : ordered) {
        const int k = seen[f->ruleId]++;
        raw += severityWeight(f->severity) * kindMultiplier(f->source) * std::pow(kRepeatFactor, k);
    }
    return raw;
}

int RiskScore::compute(const std::vector<Finding>& findings)
{
    const double raw = rawPoints(findings);
    const double score = 100.0 * (1.0 - std::exp(-raw / kScale));
    return std::clamp(static_cast<int>(std::lround(score)), 0, 100);
}

} // namespace builder::review
