#include "ProcessCpu.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace builder::bench {

namespace {

// utime + stime of one /proc/.../stat file, in microseconds; -1 if unreadable.
std::int64_t statMicros(const std::string& path)
{
    std::ifstream in(path);
    std::string text;
    if (!in || !std::getline(in, text))
        return -1;
    // The command name may hold spaces; fields resume after its closing ')'.
    const auto close = text.rfind(')');
    if (close == std::string::npos)
        return -1;
    std::istringstream fields(text.substr(close + 2));
    std::string field;
    long long utime = 0, stime = 0;
    // Field 3 (state) is the first after ')'; utime and stime are fields 14 and 15.
    for (int index = 3; index <= 15 && fields >> field; ++index) {
        if (index == 14)
            utime = std::stoll(field);
        else if (index == 15)
            stime = std::stoll(field);
    }
    const long ticks = ::sysconf(_SC_CLK_TCK);
    return (utime + stime) * 1000000LL / (ticks > 0 ? ticks : 100);
}

} // namespace

std::int64_t ProcessCpu::micros(std::int64_t pid)
{
    return statMicros("/proc/" + (pid == 0 ? std::string("self") : std::to_string(pid)) + "/stat");
}

std::map<std::string, std::int64_t> ProcessCpu::microsByThreadName(std::int64_t pid)
{
    std::map<std::string, std::int64_t> out;
    std::error_code ec;
    const std::string tasks = "/proc/" + std::to_string(pid) + "/task";
    for (const auto& entry : std::filesystem::directory_iterator(tasks, ec)) {
        std::ifstream commFile(entry.path() / "comm");
        std::string name;
        std::getline(commFile, name);
        // schedstat's first field is the time on CPU in nanoseconds: finer than
        // stat's clock ticks, which matters for runs of a second or less.
        std::ifstream schedstat(entry.path() / "schedstat");
        long long nanos = -1;
        const auto used = (schedstat >> nanos && nanos >= 0)
                              ? static_cast<std::int64_t>(nanos / 1000)
                              : statMicros((entry.path() / "stat").string());
        if (used >= 0)
            out[name.empty() ? "?" : name] += used;
    }
    return out;
}

std::int64_t ProcessCpu::runQueueMicros(std::int64_t pid)
{
    std::error_code ec;
    const std::string tasks =
        "/proc/" + (pid == 0 ? std::string("self") : std::to_string(pid)) + "/task";
    std::int64_t total = 0;
    bool any = false;
    for (const auto& entry : std::filesystem::directory_iterator(tasks, ec)) {
        std::ifstream schedstat(entry.path() / "schedstat");
        long long onCpu = 0, waiting = 0;
        if (schedstat >> onCpu >> waiting) {
            total += static_cast<std::int64_t>(waiting / 1000);
            any = true;
        }
    }
    return any ? total : -1;
}

std::int64_t ProcessCpu::machineMicros()
{
    std::ifstream in("/proc/stat");
    std::string label;
    // cpu  user nice system idle iowait irq softirq steal ...
    long long user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0;
    if (!(in >> label >> user >> nice >> system >> idle >> iowait >> irq >> softirq >> steal) ||
        label != "cpu")
        return -1;
    const long ticks = ::sysconf(_SC_CLK_TCK);
    return (user + nice + system + irq + softirq + steal) * 1000000LL / (ticks > 0 ? ticks : 100);
}

std::string ProcessCpu::describeDelta(const std::map<std::string, std::int64_t>& a,
                                      const std::map<std::string, std::int64_t>& b, double units,
                                      const std::string& unit)
{
    std::vector<std::pair<std::int64_t, std::string>> deltas;
    for (const auto& [name, after] : b) {
        const auto it = a.find(name);
        const auto delta = after - (it == a.end() ? 0 : it->second);
        if (delta > 0)
            deltas.emplace_back(delta, name);
    }
    std::sort(deltas.rbegin(), deltas.rend());
    std::string out;
    char buffer[128];
    for (const auto& [delta, name] : deltas) {
        std::snprintf(buffer, sizeof buffer, "%s%s %.2f us/%s", out.empty() ? "" : ", ",
                      name.c_str(), static_cast<double>(delta) / units, unit.c_str());
        out += buffer;
    }
    return out.empty() ? "none measurable" : out;
}

} // namespace builder::bench
