#include "RequestMetrics.h"

#include <cstdio>

namespace builder::api {

void RequestMetrics::record(const std::string& method, common::StatusCode code, double seconds)
{
    std::lock_guard lock(m_mutex);
    ++m_requests[{method, static_cast<int>(code)}];
    auto& h = m_latency[method];
    for (std::size_t i = 0; i < kBuckets.size(); ++i)
        if (seconds <= kBuckets[i])
            ++h.buckets[i];
    ++h.count;
    h.sum += seconds;
}

void RequestMetrics::render(std::string& out) const
{
    char number[64];
    std::lock_guard lock(m_mutex);
    out += "# HELP builder_requests_total RPCs handled, by method and status code.\n"
           "# TYPE builder_requests_total counter\n";
    for (const auto& [key, count] : m_requests) {
        out += "builder_requests_total{method=\"" + key.first + "\",code=\"" +
               common::connectCodeName(static_cast<common::StatusCode>(key.second)) + "\"} " +
               std::to_string(count) + "\n";
    }
    out += "# HELP builder_request_duration_seconds Unary RPC latency.\n"
           "# TYPE builder_request_duration_seconds histogram\n";
    for (const auto& [method, h] : m_latency) {
        for (std::size_t i = 0; i < kBuckets.size(); ++i) {
            std::snprintf(number, sizeof number, "%g", kBuckets[i]);
            out += "builder_request_duration_seconds_bucket{method=\"" + method + "\",le=\"" +
                   number + "\"} " + std::to_string(h.buckets[i]) + "\n";
        }
        out += "builder_request_duration_seconds_bucket{method=\"" + method + "\",le=\"+Inf\"} " +
               std::to_string(h.count) + "\n";
        std::snprintf(number, sizeof number, "%.6f", h.sum);
        out += "builder_request_duration_seconds_sum{method=\"" + method + "\"} " + number + "\n";
        out += "builder_request_duration_seconds_count{method=\"" + method + "\"} " +
               std::to_string(h.count) + "\n";
    }
    out += "# HELP builder_open_streams Server-streaming calls currently open.\n"
           "# TYPE builder_open_streams gauge\n"
           "builder_open_streams " +
           std::to_string(m_openStreams.load()) + "\n";
}

} // namespace builder::api
