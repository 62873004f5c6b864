#pragma once

#include <string>
#include <vector>

namespace builder::bench {

// Timings of one measured operation in milliseconds, with nearest-rank percentiles.
class Samples
{
public:
    void add(double ms) { m_values.push_back(ms); }
    std::size_t count() const { return m_values.size(); }
    // p in (0, 100]; 0 without samples.
    double percentile(double p) const;
    // "n=10  p50=  123.4 ms  p95=  150.2 ms"
    std::string describe() const;

private:
    std::vector<double> m_values;
};

} // namespace builder::bench
