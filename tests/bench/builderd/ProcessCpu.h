#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace builder::bench {

// CPU time (user + system) consumed so far by a process, from /proc. Used to
// print the server's and the client's CPU cost per call next to throughputs:
// on a shared 2-core machine the cost per call is steadier than the rate.
class ProcessCpu
{
public:
    // Microseconds of CPU used by `pid` (0: this process); -1 if unreadable.
    static std::int64_t micros(std::int64_t pid = 0);
    // Microseconds on CPU of the live threads of `pid`, summed by thread
    // name (builderd's worker pool threads keep the name "builderd"; gRPC names
    // its own threads).
    static std::map<std::string, std::int64_t> microsByThreadName(std::int64_t pid);
    // Microseconds the threads of `pid` (0: this process) spent runnable but
    // waiting for a CPU (schedstat's second field), summed; -1 if unreadable.
    // Of live threads only, like microsByThreadName().
    static std::int64_t runQueueMicros(std::int64_t pid = 0);
    // Microseconds of CPU used by everything on the machine, over all CPUs
    // (/proc/stat; clock-tick resolution); -1 if unreadable.
    static std::int64_t machineMicros();
    // b - a per name, largest first, as "name 1.23 us/unit, ..." for `units`.
    static std::string describeDelta(const std::map<std::string, std::int64_t>& a,
                                     const std::map<std::string, std::int64_t>& b, double units,
                                     const std::string& unit);
};

} // namespace builder::bench
