#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace builder::bench {

// Latency samples in milliseconds and their nearest-rank percentiles.
class LatencySummary
{
public:
    void add(double ms) { m_samples.push_back(ms); }
    std::size_t count() const { return m_samples.size(); }
    // Nearest-rank percentile, p in (0, 100]; 0 when there are no samples.
    double percentile(double p) const;
    double max() const;
    double mean() const;
    // "n=200 p50=1.23 p95=2.34 p99=3.45 max=4.56 ms"
    std::string describe() const;

private:
    std::vector<double> sorted() const;
    std::vector<double> m_samples;
};

} // namespace builder::bench
