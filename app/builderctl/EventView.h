#pragma once

#include "feature/feature/v1/feature.pb.h"

#include <string>
#include <vector>

namespace builder::ctl {

// Events as table rows with fixed column widths: they are printed as they
// arrive, so the widths cannot depend on rows not yet seen.
class EventView
{
public:
    static const std::vector<int>& widths();
    static std::string header();
    static std::string line(const feature::feature::v1::FeatureEvent& event);
};

} // namespace builder::ctl
