#pragma once

#include "common/Error.h"

#include <array>
#include <atomic>
#include <map>
#include <mutex>
#include <string>

namespace builder::api {

// Request counts by method and code, latency histograms by method and the
// number of open streams, rendered in Prometheus' text format.
class RequestMetrics
{
public:
    static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                        0.05,   0.1,   0.25,   0.5,   1.0,  5.0};

    void record(const std::string& method, common::StatusCode code, double seconds);
    void streamOpened() { ++m_openStreams; }
    void streamClosed() { --m_openStreams; }
    long openStreams() const { return m_openStreams.load(); }

    // Appends this object's metric families to `out`.
    void render(std::string& out) const;

private:
    struct Histogram
    {
        std::array<std::uint64_t, kBuckets.size()> buckets{};
        std::uint64_t count = 0;
        double sum = 0;
    };
    mutable std::mutex m_mutex;
    std::map<std::pair<std::string, int>, std::uint64_t> m_requests;
    std::map<std::string, Histogram> m_latency;
    std::atomic<long> m_openStreams{0};
};

} // namespace builder::api
