#include "Samples.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace builder::bench {

double Samples::percentile(double p) const
{
    if (m_values.empty())
        return 0;
    std::vector<double> sorted = m_values;
    std::sort(sorted.begin(), sorted.end());
    const double rank = p / 100.0 * static_cast<double>(sorted.size() - 1);
    const auto low = static_cast<std::size_t>(std::floor(rank));
    const auto high = std::min(low + 1, sorted.size() - 1);
    return sorted[low] + (sorted[high] - sorted[low]) * (rank - static_cast<double>(low));
}

double Samples::min() const
{
    return m_values.empty() ? 0 : *std::min_element(m_values.begin(), m_values.end());
}

double Samples::max() const
{
    return m_values.empty() ? 0 : *std::max_element(m_values.begin(), m_values.end());
}

std::string Samples::line() const
{
    char text[160];
    std::snprintf(text, sizeof text, "n=%-3zu p50=%8.1f ms  p95=%8.1f ms  min=%8.1f  max=%8.1f",
                  size(), p50(), p95(), min(), max());
    return text;
}

} // namespace builder::bench
