#pragma once

#include <string>
#include <vector>

namespace builder::bench {

// Durations in milliseconds and their order statistics.
class Samples
{
public:
    void add(double ms) { m_values.push_back(ms); }
    std::size_t size() const { return m_values.size(); }
    bool empty() const { return m_values.empty(); }
    // Linear interpolation between the closest ranks; 0 when empty.
    double percentile(double p) const;
    double p50() const { return percentile(50); }
    double p95() const { return percentile(95); }
    double min() const;
    double max() const;
    // "n=5  p50=  123.4 ms  p95=  150.0 ms  min=..  max=.."
    std::string line() const;

private:
    std::vector<double> m_values;
};

} // namespace builder::bench
