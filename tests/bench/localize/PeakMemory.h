#pragma once

#include <cstdint>

namespace builder::bench {

// The process's peak resident set (VmHWM), and a reset so each measured phase
// reports its own peak.
class PeakMemory
{
public:
    // Kibibytes from /proc/self/status, 0 when unreadable.
    static std::uint64_t peakKiB();
    static std::uint64_t currentKiB();
    // Writes "5" to /proc/self/clear_refs: VmHWM restarts from the current RSS.
    static bool reset();
};

} // namespace builder::bench
