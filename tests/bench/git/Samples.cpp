#include "Samples.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace builder::bench {

double Samples::percentile(double p) const
{
    if (m_values.empty()) {
        return 0.0;
    }
    std::vector<double> sorted = m_values;
    std::sort(sorted.begin(), sorted.end());
    const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * double(sorted.size())));
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

std::string Samples::describe() const
{
    char text[96];
    std::snprintf(text, sizeof(text), "n=%-3zu p50=%8.1f ms  p95=%8.1f ms", count(), percentile(50),
                  percentile(95));
    return text;
}

} // namespace builder::bench
