#include "LatencySummary.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace builder::bench {

std::vector<double> LatencySummary::sorted() const
{
    auto copy = m_samples;
    std::sort(copy.begin(), copy.end());
    return copy;
}

double LatencySummary::percentile(double p) const
{
    if (m_samples.empty())
        return 0;
    const auto s = sorted();
    auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(s.size())));
    rank = std::clamp<std::size_t>(rank, 1, s.size());
    return s[rank - 1];
}

double LatencySummary::max() const
{
    return m_samples.empty() ? 0 : *std::max_element(m_samples.begin(), m_samples.end());
}

double LatencySummary::mean() const
{
    if (m_samples.empty())
        return 0;
    return std::accumulate(m_samples.begin(), m_samples.end(), 0.0) /
           static_cast<double>(m_samples.size());
}

std::string LatencySummary::describe() const
{
    char buffer[160];
    std::snprintf(buffer, sizeof buffer, "n=%zu p50=%.2f p95=%.2f p99=%.2f max=%.2f mean=%.2f ms",
                  count(), percentile(50), percentile(95), percentile(99), max(), mean());
    return buffer;
}

} // namespace builder::bench
