#pragma once

#include "feature/feature/v1/feature.pb.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace builder::bench {

// Splits one execution's Create -> COMPLETED time into consecutive phases at its
// milestone events (server timestamps), so the phases add up to the total.
class RunTimeline
{
public:
    struct Phase
    {
        std::string label;
        double ms = 0; // -1: the milestone was not seen
    };

    // createdAtMs: the client's clock when it called Create; doneAtMs: when it saw
    // COMPLETED; mirrorDoneMs: when the mirror fetch or clone finished (the mirror's
    // fetched marker), if known. All in milliseconds since the epoch.
    static std::vector<Phase> phases(const std::vector<feature::feature::v1::FeatureEvent>& events,
                                     double createdAtMs, double doneAtMs,
                                     std::optional<double> mirrorDoneMs);

    static double millis(const feature::feature::v1::FeatureEvent& event);
    // The payload field `key` as text ("" when absent; numbers without decimals).
    static std::string field(const feature::feature::v1::FeatureEvent& event,
                             const std::string& key);
};

} // namespace builder::bench
