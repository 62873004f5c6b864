#include "PeakMemory.h"

#include <fstream>
#include <string>

namespace builder::bench {

namespace {

std::uint64_t statusField(const std::string& field)
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind(field + ":", 0) == 0)
            return std::stoull(line.substr(field.size() + 1));
    }
    return 0;
}

} // namespace

std::uint64_t PeakMemory::peakKiB()
{
    return statusField("VmHWM");
}

std::uint64_t PeakMemory::currentKiB()
{
    return statusField("VmRSS");
}

bool PeakMemory::reset()
{
    std::ofstream clear("/proc/self/clear_refs");
    clear << "5";
    return static_cast<bool>(clear);
}

} // namespace builder::bench
