#pragma once

#include "Error.h"

#include "feature/analysis/v1/analysis.pb.h"

#include <cstddef>
#include <vector>

namespace builder::common {

// The constraints of feature.analysis.v1 requests.
class AnalysisValidation
{
public:
    static constexpr std::size_t kTextMaxLength = 20000;
    static constexpr int kTopKMax = 200;
    static constexpr int kTokenBudgetMax = 200000;

    static std::vector<Violation> validate(const feature::analysis::v1::LocalizeRequest& request);
};

} // namespace builder::common
