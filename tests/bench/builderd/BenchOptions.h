#pragma once

#include <chrono>
#include <set>
#include <string>

namespace builder::bench {

// What one run of bench_builderd measures, and how big. --quick shrinks
// everything so the ctest registration finishes in well under a minute.
struct BenchOptions
{
    bool quick = false;
    int clients = 16;
    bool sharedChannel = false; // default: each client thread has its own channel
    std::chrono::milliseconds duration{5000};
    std::chrono::milliseconds warmup{500};
    int getExecutions = 256;       // created through the API before the Get run
    int replayEvents = 100000;     // prepopulated events replayed by one ListEvents
    int liveStreams = 200;         // open ListEvents streams waiting for feature.cancelled
    int searchExecutions = 100000; // prepopulated executions searched
    int searchCalls = 200;
    std::set<std::string> sections; // empty: all

    bool wants(const std::string& section) const
    {
        return sections.empty() || sections.contains(section);
    }
};

} // namespace builder::bench
